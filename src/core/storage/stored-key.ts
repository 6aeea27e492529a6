import type { KeyValueStore } from './store.js';
import { sharedName } from './keys.js';

/**
 * The key kept in `store` under `name`, made by `create` on first use. A Web Lock makes two tabs
 * that start at once agree on one key; a key already there is read without it. Where the lock fails
 * (refused where the site's storage is blocked, a SecurityError: there is no storage for another tab to
 * share then), the key is read or made once more without it. Keys are stored as
 * CryptoKey objects: a non-extractable one can be used by this origin's script but never read out.
 * `read` is a read of `name` already under way.
 * @see https://www.w3.org/TR/WebCryptoAPI/#cryptokey-interface
 */
export async function storedKey<T>(
  store: KeyValueStore,
  name: string,
  create: () => Promise<T>,
  isKey: (value: unknown) => value is T,
  read = store.get<unknown>(name),
): Promise<T> {
  const kept = await read;
  if (isKey(kept)) return kept;
  const operation = async (): Promise<T> => {
    const existing = await store.get<unknown>(name);
    if (isKey(existing)) return existing;
    const created = await create();
    await store.set(name, created);
    return created;
  };
  const locks = globalThis.navigator?.locks;
  return locks ? (locks.request(sharedName(name), operation) as Promise<T>).catch(operation) : operation();
}
