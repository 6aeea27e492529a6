import { fromTab, toTab } from '../storage/tab-cache.js';

// A provider that echoes no `state` (phpapi) leaves a callback nothing that binds it to its sign-in:
// only where it arrives (the tab that started it), when (soon after), and that it comes once.

/**
 * How long after its sign-in started a callback without `state` is taken: time to type a password
 * and a second factor at the provider, not the ten minutes a transaction otherwise lives, so that an
 * abandoned sign-in stops waiting for a forged callback soon.
 */
export const statelessWindow = 3 * 60_000;

const keyOf = (issuer: string, clientId: string): string => `started:${issuer} ${clientId}`;

/**
 * Marks this tab as the one that started the client's sign-in `state`: sessionStorage belongs to
 * one tab and survives the full-page redirect back to it. A newer sign-in replaces the mark; without
 * sessionStorage there is no mark, and a callback without state is refused.
 * @see https://html.spec.whatwg.org/multipage/webstorage.html#the-sessionstorage-attribute
 */
export function markStartedHere(issuer: string, clientId: string, state: string): void {
  toTab(keyOf(issuer, clientId), state);
}

/** Whether this tab started the client's sign-in `state`; the mark is taken, so it says yes once. */
export function takeStartedHere(issuer: string, clientId: string, state: string): boolean {
  const marked = fromTab<string>(keyOf(issuer, clientId));
  toTab(keyOf(issuer, clientId), null);
  return marked === state;
}
