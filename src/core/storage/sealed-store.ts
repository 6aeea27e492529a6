import { sealerOf as makeSealer, type Sealed, type Sealer } from './seal.js';
import type { KeyValueStore } from './store.js';
import { holdsTokens, isTransactionKey } from './keys.js';

const isSealed = (value: unknown): value is Sealed =>
  typeof value === 'object' &&
  value !== null &&
  (value as Sealed).sealed === 1 &&
  typeof (value as Sealed).iv === 'string' &&
  typeof (value as Sealed).data === 'string';

/**
 * A store that seals the sessions (the tokens) with AES-GCM under one non-extractable key kept
 * beside them, so a dump of storage shows only ciphertext. Script in the page can still use the key: see SECURITY.md.
 * A value that does not open (tampered, or sealed under a lost key) reads as `null`. The sealing
 * code comes with the store: every signed-in page load opens a session, and a chunk of its own
 * cost that page a request in sequence before its first token.
 * @see https://www.w3.org/TR/WebCryptoAPI/#aes-gcm
 */
export function sealedStore(inner: KeyValueStore): KeyValueStore {
  let sealer: Sealer | undefined;
  const sealerOf = (): Sealer => (sealer ??= makeSealer(inner));
  return {
    get: async <T>(key: string) => {
      const value = await inner.get<unknown>(key);
      if (!holdsTokens(key) || value === undefined) return value as T | undefined;
      if (!isSealed(value)) return null as T;
      return (await sealerOf().open<T>(value)) as T;
    },
    set: async (key, value) => {
      // A sign-in about to start: its session's key is made now, while the user is at the provider, not on the callback page.
      if (isTransactionKey(key))
        sealerOf()
          .ready()
          .catch(() => undefined);
      return inner.set(key, holdsTokens(key) ? await sealerOf().seal(value) : value);
    },
    delete: (key) => inner.delete(key),
  };
}
