import { OAuthError } from './errors.js';
import { base64url } from './random.js';
import { storedKey } from './stored-key.js';
import type { KeyValueStore } from './store.js';

/** A value as it lies in storage: AES-GCM ciphertext and its IV, base64url. */
interface Sealed {
  sealed: 1;
  iv: string;
  data: string;
}

const keyName = 'key:seal';
const newSealKey = (): Promise<CryptoKey> => crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
const decode = (text: string): Uint8Array<ArrayBuffer> => Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (char) => char.charCodeAt(0));
const isSealed = (value: unknown): value is Sealed =>
  typeof value === 'object' && value !== null && (value as Sealed).sealed === 1 && typeof (value as Sealed).iv === 'string' && typeof (value as Sealed).data === 'string';

/** Sessions hold the tokens; transactions (no token, and needed across a redirect) and keys stay as they are. */
const holdsTokens = (key: string): boolean => key.startsWith('session:');

/**
 * A store that seals the sessions (the tokens) with AES-GCM under one non-extractable key kept
 * beside them, so a dump of storage shows only ciphertext. Script in the page can still use the key: see SECURITY.md.
 * A value that does not open (tampered, or sealed under a lost key) reads as `null`.
 * @see https://www.w3.org/TR/WebCryptoAPI/#aes-gcm
 */
export function sealedStore(inner: KeyValueStore): KeyValueStore {
  let sealKey: Promise<CryptoKey> | undefined;
  const keyOf = (): Promise<CryptoKey> => (sealKey ??= storedKey(inner, keyName, newSealKey, (value): value is CryptoKey => value instanceof CryptoKey).catch((cause: unknown) => {
    sealKey = undefined;
    throw cause instanceof OAuthError ? cause : new OAuthError('storage_unavailable', 'no key to seal the session with', { cause });
  }));
  return {
    get: async <T>(key: string) => {
      const value = await inner.get<unknown>(key);
      if (!holdsTokens(key) || value === undefined) return value as T | undefined;
      if (!isSealed(value)) return null as T;
      try {
        const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: decode(value.iv) }, await keyOf(), decode(value.data));
        return JSON.parse(new TextDecoder().decode(plain)) as T;
      } catch {
        return null as T;
      }
    },
    set: async (key, value) => {
      if (!holdsTokens(key)) return inner.set(key, value);
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, await keyOf(), new TextEncoder().encode(JSON.stringify(value)));
      return inner.set(key, { sealed: 1, iv: base64url(iv), data: base64url(new Uint8Array(data)) } satisfies Sealed);
    },
    delete: (key) => inner.delete(key),
  };
}
