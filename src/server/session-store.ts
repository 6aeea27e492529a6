/**
 * What the backend keeps for one browser, under the digest of its session cookie: the sign-ins it
 * started and not yet finished, and once signed in the refresh token, which never reaches the browser.
 * @see https://datatracker.ietf.org/doc/html/draft-ietf-oauth-browser-based-apps#section-6.2.2.2
 */
export interface BackendSession {
  /** The `state` of each sign-in this browser started, with when it lapses (epoch milliseconds). */
  pending: { state: string; expiresAt: number }[];
  /** The provider's refresh token, kept here only. */
  refreshToken?: string;
  /** The thumbprint of the DPoP key the tokens are bound to (RFC 9449 §6.1): a refresh must prove the same key. */
  jkt?: string;
  /** When the record lapses (epoch milliseconds). */
  expiresAt: number;
}

/**
 * Where {@link codeExchangeHandler} keeps its sessions. The default, {@link memorySessionStore}, lives
 * in one process; an app with several processes, or that must keep sessions across restarts, plugs in
 * a shared store (Redis, a database) with these three methods. Keys are SHA-256 digests of the cookie,
 * never the cookie itself, so a copy of the store does not let anyone act as a browser.
 */
export interface SessionStore {
  get(key: string): Promise<BackendSession | undefined>;
  /** Keeps `session` until its `expiresAt` (a shared store sets its TTL from it). */
  set(key: string, session: BackendSession): Promise<void>;
  delete(key: string): Promise<void>;
}

/**
 * An in-process {@link SessionStore} of at most `maxSessions` records. When it is full, a new record
 * first evicts a record that only waits for a sign-in (anyone can start one), so a flood of sign-ins
 * that are never finished does not sign users out.
 */
export function memorySessionStore(options: { maxSessions?: number; now?: () => number } = {}): SessionStore {
  const max = options.maxSessions ?? 10_000;
  const now = options.now ?? Date.now;
  const records = new Map<string, BackendSession>();
  const live = (key: string): BackendSession | undefined => {
    const record = records.get(key);
    if (record && record.expiresAt <= now()) records.delete(key);
    return record && record.expiresAt > now() ? record : undefined;
  };
  const evictOne = (): void => {
    let oldest: string | undefined;
    for (const [key, record] of records) {
      if (record.expiresAt <= now() || record.refreshToken === undefined) {
        records.delete(key);
        return;
      }
      oldest ??= key;
    }
    if (oldest !== undefined) records.delete(oldest);
  };
  return {
    get: async (key) => structuredClone(live(key)),
    async set(key, session) {
      records.delete(key);
      if (records.size >= max) evictOne();
      records.set(key, structuredClone(session));
    },
    async delete(key) {
      records.delete(key);
    },
  };
}
