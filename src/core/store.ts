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
  return Promise.resolve()
    .then(operation)
    .catch((cause: unknown) => {
      if (cause instanceof OAuthError) throw cause;
      throw new OAuthError('storage_unavailable', 'IndexedDB refused the operation', { cause });
    });
}

/** The kit's own IndexedDB database, opened on first use (never at import). */
export function indexedDbStore(): KeyValueStore {
  const use = (): UseStore => {
    if (typeof indexedDB === 'undefined' || indexedDB === null) {
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

/** A store that lives as long as the page: structured clones in a Map. */
export function memoryStore(): KeyValueStore {
  const values = new Map<string, unknown>();
  return {
    get: async <T>(key: string) => (values.has(key) ? structuredClone(values.get(key)) as T : undefined),
    set: async (key, value) => void values.set(key, structuredClone(value)),
    delete: async (key) => void values.delete(key),
  };
}

/**
 * A store that moves to memory for good once `primary` fails (no IndexedDB, private mode, quota),
 * calling `onFallback` once with the failure.
 */
export function fallbackStore(primary: KeyValueStore, onFallback: (error: OAuthError) => void): KeyValueStore {
  let current = primary;
  const run = async <T>(operation: (store: KeyValueStore) => Promise<T>): Promise<T> => {
    try {
      return await operation(current);
    } catch (error) {
      if (current !== primary || !(error instanceof OAuthError) || error.code !== 'storage_unavailable') throw error;
      current = memoryStore();
      onFallback(error);
      return operation(current);
    }
  };
  return {
    get: <T>(key: string) => run((store) => store.get<T>(key)),
    set: (key, value) => run((store) => store.set(key, value)),
    delete: (key) => run((store) => store.delete(key)),
  };
}
