import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import { OAuthError } from './errors.js';

/** Where the kit keeps sessions and pending transactions. */
export interface KeyValueStore {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
}

let database: UseStore | undefined;

function wrap<T>(operation: () => Promise<T>): Promise<T> {
  return operation().catch((cause: unknown) => {
    throw new OAuthError('storage_unavailable', 'IndexedDB refused the operation', { cause });
  });
}

/** The kit's own IndexedDB database, opened on first use (never at import). */
export function indexedDbStore(): KeyValueStore {
  const use = (): UseStore => {
    if (typeof indexedDB === 'undefined') {
      throw new OAuthError('storage_unavailable', 'this browser has no IndexedDB');
    }
    return (database ??= createStore('oauth-elements', 'kv'));
  };
  return {
    get: <T>(key: string) => wrap(() => get<T>(key, use())),
    set: (key, value) => wrap(() => set(key, value, use())),
    delete: (key) => wrap(() => del(key, use())),
  };
}
