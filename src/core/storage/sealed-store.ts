import { sealerOf as makeSealer, type Sealed, type Sealer } from './seal.js';
import { takeFrom, type KeyValueStore } from './store.js';
import { holdsTokens, isTransactionKey } from './keys.js';

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
  const read = async <T>(key: string, take?: boolean): Promise<T | undefined> => {
    // A session's key is read beside it (the sealer reads it as it is made).
    const sealer = holdsTokens(key) && sealerOf();
    const value = await (take ? takeFrom(inner, key) : inner.get(key));
    if (!sealer || value === undefined) return value as T | undefined;
    // Anything but a sealed value, or one that does not open, reads as null.
    return ((value as Sealed | null)?.sealed === 1 ? await sealer.open<T>(value as Sealed) : null) as T;
  };
  return {
    ...inner,
    get: (key) => read(key),
    take: (key) => read(key, true),
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
