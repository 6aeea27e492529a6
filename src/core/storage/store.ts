import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import { OAuthError } from '../errors.js';
import { databaseName, isTransactionKey, sharedName } from './keys.js';

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
    if (!globalThis.indexedDB) {
      throw new OAuthError('storage_unavailable', 'this browser has no IndexedDB');
    }
    return (database ??= createStore(databaseName, 'kv'));
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
    get: async <T>(key: string) => (values.has(key) ? (structuredClone(values.get(key)) as T) : undefined),
    set: async (key, value) => void values.set(key, structuredClone(value)),
    delete: async (key) => void values.delete(key),
  };
}

/**
 * Pending transactions in sessionStorage (they hold no token and must survive the redirect to the
 * provider), everything else in memory.
 */
function pageStore(): KeyValueStore {
  const memory = memoryStore();
  const session = typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
  const inSession = (key: string): boolean => session !== undefined && isTransactionKey(key);
  return {
    get: <T>(key: string) =>
      inSession(key)
        ? wrap(async () => JSON.parse(session?.getItem(sharedName(key)) ?? 'null') ?? undefined)
        : memory.get<T>(key),
    set: (key, value) =>
      inSession(key)
        ? wrap(async () => session?.setItem(sharedName(key), JSON.stringify(value)))
        : memory.set(key, value),
    delete: (key) => (inSession(key) ? wrap(async () => session?.removeItem(sharedName(key))) : memory.delete(key)),
  };
}

/**
 * A store that moves to {@link pageStore} for good once `primary` fails (no IndexedDB, private
 * mode, quota), calling `onFallback` once with the failure. Reads that miss in `primary` look in
 * the page store too: an earlier page may have fallen back after a failed write.
 */
export function fallbackStore(primary: KeyValueStore, onFallback: (error: OAuthError) => void): KeyValueStore {
  const secondary = pageStore();
  let failed = false;
  const run = async <T>(operation: (store: KeyValueStore) => Promise<T>): Promise<T> => {
    if (failed) return operation(secondary);
    try {
      return await operation(primary);
    } catch (error) {
      if (!(error instanceof OAuthError) || error.code !== 'storage_unavailable') throw error;
      // Operations started together (a session and its key) fail together: say so once.
      if (!failed) onFallback(error);
      failed = true;
      return operation(secondary);
    }
  };
  return {
    get: async <T>(key: string) =>
      (await run((store) => store.get<T>(key))) ?? (failed ? undefined : secondary.get<T>(key)),
    set: (key, value) => run((store) => store.set(key, value)),
    delete: async (key) => {
      await run((store) => store.delete(key));
      if (!failed) await secondary.delete(key);
    },
  };
}
