import { createStore, promisifyRequest, type UseStore } from 'idb-keyval';
import { OAuthError } from '../errors.js';
import { databaseName, isTransactionKey, sharedName, tabStorage } from './keys.js';

/** Where the kit keeps sessions and pending transactions. */
export interface KeyValueStore {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
  /**
   * Reads and deletes `key` at once, so that no one else reads it between the two (a sign-in's
   * transaction is single-use). Optional: without it the kit reads and deletes ({@link takeFrom}).
   */
  take?<T>(key: string): Promise<T | undefined>;
  /**
   * Whether what is stored under `key` outlives the page, as a redirect sign-in's transaction must.
   * Optional: without it the kit takes it that it does.
   */
  lasts?(key: string): boolean;
}

/**
 * Reads and deletes `key`: with the store's `take` where it has one (one IndexedDB transaction),
 * else a read and a delete started together, one right after the other (with nothing between in a
 * store that runs its operations in the order they come, as the kit's memory and sessionStorage do).
 * @see https://www.w3.org/TR/IndexedDB/#transaction-scheduling
 */
export const takeFrom = <T>(store: KeyValueStore, key: string): Promise<T | undefined> =>
  store.take ? store.take<T>(key) : Promise.all([store.get<T>(key), store.delete(key)]).then(([value]) => value);

let database: UseStore | undefined;

function wrap<T>(operation: () => Promise<T>): Promise<T> {
  return Promise.resolve()
    .then(operation)
    .catch((cause: unknown) => {
      throw new OAuthError('storage_unavailable', 'storage refused the operation', { cause });
    });
}

/** The kit's own IndexedDB database, opened on first use (never at import). */
export function indexedDbStore(): KeyValueStore {
  const request = <T>(mode: IDBTransactionMode, operation: (store: IDBObjectStore) => IDBRequest): Promise<T> =>
    // Without IndexedDB (looked at each time: a test takes it away), this throws in `wrap`: storage_unavailable.
    wrap(() =>
      (indexedDB && (database ??= createStore(databaseName, 'kv')))(mode, (store) => {
        const asked = operation(store);
        // A write is done when its transaction is (take's read with it): a read, as soon as it has its value.
        return promisifyRequest(mode === 'readonly' ? asked : store.transaction).then(() => asked.result as T);
      }),
    );
  return {
    get: (key) => request('readonly', (store) => store.get(key)),
    set: async (key, value) => void (await request('readwrite', (store) => store.put(value, key))),
    delete: (key) => request('readwrite', (store) => store.delete(key)),
    // One readwrite transaction: another tab's read waits for it, and finds nothing.
    take: (key) =>
      request('readwrite', (store) => {
        const read = store.get(key);
        store.delete(key);
        return read;
      }),
  };
}

/** A store that lives as long as the page: structured clones in a Map. Nothing in it outlives the page. */
export function memoryStore(): KeyValueStore {
  const values = new Map<string, unknown>();
  return {
    get: async <T>(key: string) => structuredClone(values.get(key)) as T | undefined,
    set: async (key, value) => void values.set(key, structuredClone(value)),
    delete: async (key) => void values.delete(key),
    lasts: () => false,
  };
}

/**
 * Pending transactions in sessionStorage (they hold no token and must survive the redirect to the
 * provider), everything else in memory (and everything there when the tab has no sessionStorage).
 */
function pageStore(): KeyValueStore {
  const memory = memoryStore();
  let session: Storage | undefined;
  // Looked up at the first transaction, not when the client is made (keys.ts, tabStorage).
  const inSession = (key: string): boolean => isTransactionKey(key) && (session ??= tabStorage()) !== undefined;
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
    lasts: inSession,
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
  // Taken from both, as a read looks in both.
  const take = async <T>(key: string): Promise<T | undefined> => {
    const taken = await run((store) => takeFrom<T>(store, key));
    const left = failed ? undefined : await takeFrom<T>(secondary, key);
    return taken ?? left;
  };
  return {
    get: async <T>(key: string) =>
      (await run((store) => store.get<T>(key))) ?? (failed ? undefined : secondary.get<T>(key)),
    set: (key, value) => run((store) => store.set(key, value)),
    delete: async (key) => void (await take(key)),
    take,
    lasts: (key) => !failed || secondary.lasts!(key),
  };
}
