import { authorizationParams, authorizationUrl } from './authorization-request.js';
import type { CallbackParams } from '../callback/callback-url.js';
import { readCallback } from '../callback/read-callback.js';
import { absoluteIssuer, scopesOf } from '../config.js';
import { OAuthError } from '../errors.js';
import { releasePageCallback } from '../callback/page-callback.js';
import type { Session } from '../session.js';
import {
  createTransaction,
  peekTransaction,
  pendingState,
  saveTransaction,
  takeTransaction,
  type Transaction,
  type TransactionMode,
} from './transaction.js';
import { finishSignIn } from './sign-in-finish.js';
import { loadExtras } from './load-extras.js';
import type { ClientContext, SignInContext } from '../client-context.js';
import { mark } from '../marks.js';
import { keyOf } from '../storage/keys.js';

// Loaded by the client on the first sign-in, callback or silent renewal, so a page that only shows the button does not carry it.

import { answersRedirectHere, markRedirectHere, markStartedHere, owns, takeAnswered } from './callback-state.js';
/**
 * Saves a new transaction and returns the authorization URL to send the user to, pushing the
 * request first when the client asks for PAR or the provider requires it: a public client gains
 * little from pushing (anyone may push in its name), and it costs a round trip.
 * @see https://www.rfc-editor.org/rfc/rfc9126#section-4
 */
export async function startSignIn(
  ctx: SignInContext,
  mode: TransactionMode,
  returnTo: string,
  extra: Record<string, string> = {},
  signal?: AbortSignal,
): Promise<{ url: URL; transaction: Transaction }> {
  // The app's backend redeems the code only for the browser that told it of this sign-in: its code loads at once.
  const backend = ctx.config.flow === 'code' && ctx.config.tokenEndpoint !== undefined;
  const backendCode = backend ? loadExtras() : undefined;
  const transaction = createTransaction({
    issuer: absoluteIssuer(ctx.config.issuer),
    clientId: ctx.config.clientId,
    redirectUri: ctx.config.redirectUri ?? `${location.origin}${location.pathname}`,
    mode,
    flow: ctx.config.flow,
    scope: ctx.config.scope,
    returnTo,
  });
  // The transaction is stored while the provider's metadata comes and the request is pushed (or the backend
  // told); a failure of any of them takes it back.
  const saved = saveTransaction(ctx.store, transaction);
  saved.catch(() => undefined);
  try {
    const metadata = await ctx.metadata(signal);
    let params = await authorizationParams(ctx.config, transaction, extra);
    if (backendCode) {
      const { tellBackend } = await backendCode;
      await tellBackend(metadata.token_endpoint, { action: 'start', state: transaction.state }, signal);
    }
    if (ctx.config.par || metadata.require_pushed_authorization_requests)
      params = await (await loadExtras()).pushAuthorizationRequest(metadata, params, signal);
    await saved;
    // Kept in this page's memory alone, a redirect's transaction would never meet its callback.
    if (mode === 'redirect' && ctx.store.lasts?.(keyOf('txn', transaction.state)) === false)
      throw (await loadExtras()).redirectWithoutStorage();
    if (!ctx.config.profile.echoesState) markStartedHere(transaction.issuer, transaction.clientId, transaction.state);
    return { url: authorizationUrl(metadata, params), transaction };
  } catch (error) {
    await saved
      .then(() => takeTransaction(ctx.store, transaction.state))
      .then(({ cleared }) => cleared)
      .catch(() => undefined);
    throw error;
  }
}

/**
 * Sends the user to the provider: the page leaves (`popup` null), or the popup, already open,
 * goes there and the session comes back from its callback.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.1
 */
export async function signIn(
  ctx: ClientContext,
  popup: Window | null,
  returnTo: string,
  extra: Record<string, string> = {},
  signal?: AbortSignal,
): Promise<Session | null> {
  mark('sign-in');
  const { url, transaction } = await startSignIn(ctx, popup ? 'popup' : 'redirect', returnTo, extra, signal);
  mark('authorization-request');
  if (!popup) {
    markRedirectHere(transaction);
    location.assign(url);
    return null;
  }
  popup.location.replace(url.href);
  // PAR and the popup's plumbing load when used: a redirect sign-in carries neither.
  const { waitForCallback } = await import('../callback/popup.js');
  const params = await waitForCallback(popup, transaction, ctx.config.popupTimeout, signal);
  return (await completeSignIn(ctx, params, transaction.state, signal)).session;
}

/** The page of this origin that opened this one (a popup) or holds it (a frame), if there is one. */
function starterHere(): Window | null {
  const starter = (window.opener as Window | null) ?? (window.parent === window ? null : window.parent);
  try {
    return starter?.location.origin === location.origin ? starter : null;
  } catch {
    return null;
  }
}

/**
 * Answers the page's callback: a popup's or frame's is handed to the page waiting for it, one
 * for another client of the page is left to it (`null`); this client's own finishes its sign-in.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2
 */
export async function answerCallback(
  ctx: ClientContext,
  href: string,
  signal?: AbortSignal,
): Promise<{ session: Session; returnTo: string } | null> {
  let params: CallbackParams | null;
  try {
    params = readCallback(href);
  } catch (error) {
    // A malformed response is refused by each client of the page that looks: none can tell whose it was.
    releasePageCallback(href);
    throw error;
  }
  if (!params) return null;
  // The id_token's checks start loading with the answer, long before the token response needs them.
  if (scopesOf(ctx.config).includes('openid')) import('../id-token/id-token.js').catch(() => undefined);
  // The redirect sign-in this tab started goes straight to its take (one IndexedDB round trip less); another client's is left.
  const here = answersRedirectHere(ctx.config, params.state);
  if (here === false) return null;
  const echoes = ctx.config.profile.echoesState;
  // Without state, the client's one pending sign-in is the candidate; with one, its own transaction alone is read.
  const own = params.state ?? (await pendingState(ctx.store, absoluteIssuer(ctx.config.issuer), ctx.config.clientId));
  // No state from a provider that echoes it: another client's, unless this client is waiting (then refused, never relayed).
  if (params.state === undefined && echoes && own === undefined) return null;
  const state = params.state ?? (echoes ? undefined : own);
  const peeked = !here && state !== undefined;
  const pending = peeked ? await peekTransaction(ctx.store, state) : undefined;
  if (peeked) mark('transaction-read');
  // A popup's or frame's page that cannot see its transaction (storage partitioned from its opener's, or
  // denied) hands the response on all the same: the page of this origin that opened it takes only its own state.
  const starter = peeked && !pending ? starterHere() : null;
  if (state !== undefined && (pending ? pending.mode !== 'redirect' : starter)) {
    // Any client of a popup's or frame's page hands the response on; the one waiting checks it.
    releasePageCallback(href);
    (await import('../callback/popup.js')).relayCallback(href, state);
    // A frame's page (a silent renewal's, or an app's own) answers it too: there a forged callback is refused.
    if (pending || starter === window.opener) return null;
  }
  if (pending && !owns(ctx.config, pending)) return null;
  releasePageCallback(href);
  return completeSignIn(ctx, params, state, signal);
}

/**
 * Takes the callback's transaction under the rules of state (`callback-state.ts`, the same for the
 * page's, a popup's and a hidden frame's), finishes the sign-in and stores the session.
 * A renewal passes the signed-in user's `sub`: a session about anyone else is refused, not stored.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-10.12
 */
export async function completeSignIn(
  ctx: ClientContext,
  params: CallbackParams,
  state: string | undefined,
  signal?: AbortSignal,
  sub?: string,
): Promise<{ session: Session; returnTo: string }> {
  const { transaction, cleared } = await takeAnswered(ctx, params, state);
  mark('transaction-taken');
  // The code goes to the token endpoint while the pending pointer is cleared; both are done before this settles.
  const finished = finishSignIn(ctx, params, transaction, signal);
  await Promise.allSettled([cleared, finished]);
  const session = await finished;
  if (sub !== undefined && session.user?.sub !== sub)
    throw new OAuthError('user_mismatch', 'the renewal is for another user');
  await ctx.sessions.write(session);
  return { session, returnTo: transaction.returnTo };
}
