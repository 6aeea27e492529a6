// Every name the kit keeps something under or talks on, in one place: the keys of its store
// (IndexedDB, or sessionStorage and memory after a fallback), the tab cache's sessionStorage keys,
// the Web Lock names, the BroadcastChannel names and the popup's message types. SECURITY.md says
// what each holds.

/**
 * The kinds of key, each written `kind:` and its parts joined by spaces:
 * - `session:<issuer> <client_id> <scope>`: a client's session in the store, the tokens (sealed by `sealedStore`);
 * - `txn:<state>`: a sign-in transaction in the store (no token; kept across the redirect);
 * - `txn-pending:<issuer> <client_id>`: the state of a client's one pending sign-in;
 * - `key:dpop`, `key:seal`: the non-extractable DPoP key pair and AES-GCM sealing key in the store;
 * - `discovery:<issuer>`, `jwks:<jwks_uri>`: provider documents in the tab cache;
 * - `renew:<session key>`: the Web Lock of one session's renewal (a {@link sharedName}).
 */
export type KeyKind = 'session' | 'txn' | 'txn-pending' | 'key' | 'discovery' | 'jwks' | 'renew';

/** The key of one kind for its parts. */
export const keyOf = (kind: KeyKind, ...parts: string[]): string => `${kind}:${parts.join(' ')}`;

/** Whether a store key holds a session, which is sealed, rather than a transaction or a key. */
export const holdsTokens = (key: string): boolean => key.startsWith('session:');

/** Whether a store key belongs to a sign-in transaction (the transaction or its pending pointer). */
export const isTransactionKey = (key: string): boolean => key.startsWith('txn');

/** The kit's own IndexedDB database. */
export const databaseName = 'oauth-elements';

/**
 * A name in a namespace the whole origin shares, prefixed `oauth-elements:`: sessionStorage keys
 * (transactions after a fallback, the tab cache), Web Lock names, the BroadcastChannels `session`
 * (a stored or cleared session, for the other tabs) and `popup` (a popup's callback when `opener`
 * is cut), and the popup's messages `callback` and `received`.
 */
export const sharedName = (name: string): string => `oauth-elements:${name}`;

/**
 * A BroadcastChannel named {@link sharedName}, or `undefined` where the browser has none (Safari before
 * 15.4) or refuses one (Firefox where the site's storage is blocked: a SecurityError).
 * @see https://html.spec.whatwg.org/multipage/web-messaging.html#broadcasting-to-other-browsing-contexts
 */
export function channelOf(name: string): BroadcastChannel | undefined {
  try {
    return new BroadcastChannel(sharedName(name));
  } catch {
    return undefined;
  }
}

/**
 * This tab's sessionStorage, where the tab cache and (after a fallback) transactions live, or
 * `undefined` where there is none or the browser refuses it (the site's storage blocked: a
 * SecurityError). Looked up when used: the first touch costs the page a round trip to the browser,
 * which a load that finds its session in IndexedDB never needs.
 */
export function tabStorage(): Storage | undefined {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
  } catch {
    return undefined;
  }
}
