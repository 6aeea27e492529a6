import { OAuthError } from '../errors.js';
import type { CallbackParams } from './callback-url.js';
import { readCallback } from './read-callback.js';
import { channelOf, sharedName } from '../storage/keys.js';
import type { Transaction } from '../sign-in/transaction.js';

/** The message a popup's callback page sends to the page that opened it. */
interface PopupMessage {
  type: string;
  state: string;
  href: string;
}

const callbackMessage = sharedName('callback');
const receiptMessage = sharedName('received');

/** The page's receipt for a callback that came over the BroadcastChannel, so the popup may close. */
interface Receipt {
  type: string;
  state: string;
}

function isPopupMessage(data: unknown, state: string): data is PopupMessage {
  const message = data as Partial<PopupMessage> | null;
  return message?.type === callbackMessage && message.state === state && typeof message.href === 'string';
}

/** Whether a callback URL carries `state` (a stateless provider's does not). */
function echoesState(href: string): boolean {
  const url = new URL(href);
  return url.searchParams.has('state') || new URLSearchParams(url.hash.slice(1)).has('state');
}

/** How long a popup cut off from its page waits for the receipt before closing all the same. */
const receiptWait = 2000;

/**
 * The window's address once it is back at `redirectUri` with an authorization response, read from the
 * window itself: only a window of this origin can be read (the provider's throws). So the response is
 * taken as it lands, before a page there could relay it, and with no page of the kit there at all.
 * @see https://html.spec.whatwg.org/multipage/nav-history-apis.html#the-location-interface
 */
function landedAt(popup: Window, redirectUri: string): string | undefined {
  try {
    const url = new URL(popup.location.href);
    const expected = new URL(redirectUri, location.href);
    // An authorization response: a code, an error or a token, in the query or the fragment (callback-url.ts reads it).
    const fragment = new URLSearchParams(url.hash.slice(1));
    const answered = ['code', 'error', 'access_token'].some((name) => url.searchParams.has(name) || fragment.has(name));
    return answered && url.origin === expected.origin && url.pathname === expected.pathname ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Waits for the authorization response of a popup's or hidden frame's transaction: read from the window's own
 * address once it is back at the transaction's redirect URI, or relayed by the page there, through
 * `postMessage` from that window at the exact origin or a BroadcastChannel keyed by state (when
 * Cross-Origin-Opener-Policy cut `opener`, so the popup reads as closed). The channel cannot tell
 * who sent a message: any page of this origin that knows `state` is believed. A closed popup
 * settles as `popup_closed`.
 *
 * A popup cut off by Cross-Origin-Opener-Policy reads as closed while its user is still in it.
 * So where the browser moved focus to the popup, closed counts only once focus is back here.
 * @see https://html.spec.whatwg.org/multipage/browsers.html#cross-origin-opener-policies
 */
export async function waitForCallback(
  popup: Window,
  { state, redirectUri }: Pick<Transaction, 'state' | 'redirectUri'>,
  timeout: number,
  signal?: AbortSignal,
  onTimeout = (): OAuthError => new OAuthError('popup_timeout', 'the sign-in window timed out'),
): Promise<CallbackParams> {
  const href = await new Promise<string>((resolve, reject) => {
    // None where the browser refuses it (Firefox, the site's storage blocked): the window's address and postMessage remain.
    const channel = channelOf('popup');
    let closedSince = 0;
    let focusLeft = false;
    const finish = (error: OAuthError | null, href?: string): void => {
      clearInterval(poll);
      clearTimeout(timer);
      channel?.close();
      window.removeEventListener('message', onMessage);
      signal?.removeEventListener('abort', onAbort);
      if (error) {
        if (!popup.closed) popup.close();
        reject(error);
      } else resolve(href as string);
    };
    const onMessage = (event: MessageEvent): void => {
      if (event.origin !== location.origin || event.source !== popup) return;
      if (isPopupMessage(event.data, state)) finish(null, event.data.href);
    };
    const onAbort = (): void => finish(new OAuthError('aborted', 'the sign-in was aborted'));
    // Any script of this origin may post on the channel: it is heard only for a popup that reads as
    // closed (cut off by the policy, or by its user a moment ago), and only with the pending state.
    if (channel)
      channel.onmessage = (event) => {
        // A callback without state (whose state the relaying page filled in) only from the popup itself; the
        // state's other rules apply once it is heard (sign-in/callback-state.ts).
        if (!popup.closed || !isPopupMessage(event.data, state) || !echoesState(event.data.href)) return;
        channel.postMessage({ type: receiptMessage, state } satisfies Receipt);
        finish(null, event.data.href);
      };
    window.addEventListener('message', onMessage);
    signal?.addEventListener('abort', onAbort);
    const poll = setInterval(() => {
      const landed = landedAt(popup, redirectUri);
      if (landed) {
        finish(null, landed);
        // No page there need relay it: a popup closes now (a hidden frame's caller removes it).
        if (popup.parent === popup) popup.close();
        return;
      }
      // A popup that relays then closes itself may close before its message lands: allow a moment.
      const focused = document.hasFocus();
      focusLeft ||= !focused;
      if (!popup.closed || (!closedSince && focusLeft && !focused)) return;
      closedSince ||= Date.now();
      if (Date.now() - closedSince > 1000) finish(new OAuthError('popup_closed', 'the sign-in window was closed'));
    }, 20);
    const timer = setTimeout(() => finish(onTimeout()), timeout);
  });
  // The window's answer, read once.
  const params = readCallback(href);
  if (!params) throw new OAuthError('invalid_callback', 'the window returned no authorization response');
  return params;
}

/**
 * Sends a callback URL from a popup or hidden frame to the page that started the sign-in; a popup
 * then closes. One cut off from its page closes on the page's receipt, so the message is not lost with it.
 */
export function relayCallback(href: string, state: string): void {
  const message: PopupMessage = { type: callbackMessage, state, href };
  const channel = channelOf('popup');
  const starter = (window.opener as Window | null) ?? (window.parent !== window ? window.parent : null);
  starter?.postMessage(message, location.origin);
  const close = (): void => {
    clearTimeout(timer);
    channel?.close();
    if (window.opener || window.parent === window) window.close();
  };
  const timer = setTimeout(close, starter ? 0 : receiptWait);
  if (!channel) return;
  channel.onmessage = (event: MessageEvent<Partial<Receipt> | null>) => {
    if (event.data?.type === receiptMessage && event.data.state === state) close();
  };
  channel.postMessage(message);
}
