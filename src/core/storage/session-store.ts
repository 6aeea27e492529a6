import { absoluteIssuer, type ResolvedConfig } from '../config.js';
import { mark } from '../marks.js';
import { isSession, type Session } from '../session.js';
import { channelOf, keyOf } from './keys.js';
import type { KeyValueStore } from './store.js';

// Loaded with the client at page load: keep it small.

/** A client's session in its store, under one key, with every change told to the other tabs. */
export interface SessionStore {
  /** The key it is stored under, `session:<issuer> <client_id> <scope>` (`storage/keys.ts`). */
  readonly key: string;
  /** The stored session, or `null`; anything else found under the key is removed. */
  read(): Promise<Session | null>;
  /**
   * Stores the session (or removes it), after the read under way, then tells the other tabs on the
   * BroadcastChannel `oauth-elements:session` and this tab's listener.
   */
  write(session: Session | null): Promise<void>;
  /** Hears the other tabs' changes from now on (call it once): the listener gets what they stored. */
  listen(): void;
}

/**
 * The session of the client `config` in `store`; `onChange` hears every session written here, and,
 * once listening, each one another tab wrote.
 * @see https://html.spec.whatwg.org/multipage/web-messaging.html#broadcasting-to-other-browsing-contexts
 */
export function sessionStore(
  store: KeyValueStore,
  config: ResolvedConfig,
  onChange: (session: Session | null) => void,
): SessionStore {
  const key = keyOf('session', absoluteIssuer(config.issuer), config.clientId, config.scope);
  let channel: BroadcastChannel | undefined;
  let reading: Promise<Session | null> | undefined;
  const read = (): Promise<Session | null> =>
    (reading = store.get<unknown>(key).then(async (stored) => {
      if (isSession(stored)) return stored;
      if (stored !== undefined) await store.delete(key);
      return null;
    }));
  return {
    key,
    read,
    async write(session) {
      await reading?.catch(() => undefined);
      await (session ? store.set(key, session) : store.delete(key));
      mark(session ? 'session-stored' : 'session-removed');
      channel?.postMessage({ key });
      onChange(session);
    },
    listen() {
      channel = channelOf('session');
      if (channel)
        channel.onmessage = async (event: MessageEvent<{ key?: string }>) => {
          if (event.data?.key === key) onChange(await read().catch(() => null));
        };
    },
  };
}
