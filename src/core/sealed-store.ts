import type { Sealer } from './seal.js';
import type { KeyValueStore } from './store.js';

/** A value as it lies in storage: AES-GCM ciphertext and its IV, base64url. */
export interface Sealed {
  sealed: 1;
  iv: string;
  data: string;
}

const isSealed = (value: unknown): value is Sealed =>
  typeof value === 'object' && value !== null && (value as Sealed).sealed === 1 && typeof (value as Sealed).iv === 'string' && typeof (value as Sealed).data === 'string';

/** Sessions hold the tokens; transactions (no token, and needed across a redirect) and keys stay as they are. */
const holdsTokens = (key: string): boolean => key.startsWith('session:');

/**
 * A store that seals the sessions (the tokens) with AES-GCM under one non-extractable key kept
 * beside them, so a dump of storage shows only ciphertext. Script in the page can still use the key: see SECURITY.md.
 * A value that does not open (tampered, or sealed under a lost key) reads as `null`. The sealing
 * code loads with the first session written or read, so a signed-out page does not carry it.
 * @see https://www.w3.org/TR/WebCryptoAPI/#aes-gcm
 */
export function sealedStore(inner: KeyValueStore): KeyValueStore {
  let sealer: Promise<Sealer> | undefined;
  const sealerOf = (): Promise<Sealer> => (sealer ??= import('./seal.js').then((module) => module.sealerOf(inner)));
  return {
    get: async <T>(key: string) => {
      const value = await inner.get<unknown>(key);
      if (!holdsTokens(key) || value === undefined) return value as T | undefined;
      if (!isSealed(value)) return null as T;
      return (await (await sealerOf()).open<T>(value)) as T;
    },
    set: async (key, value) => inner.set(key, holdsTokens(key) ? await (await sealerOf()).seal(value) : value),
    delete: (key) => inner.delete(key),
  };
}
