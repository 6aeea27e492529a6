import { authorizationParams, authorizationUrl } from './authorization-request.js';
import { readCallback, type CallbackParams } from './callback-url.js';
import { absoluteIssuer, type ResolvedConfig } from './config.js';
import type { ProviderMetadata } from './discovery.js';
import { OAuthError } from './errors.js';
import { releasePageCallback } from './page-callback.js';
import { pushAuthorizationRequest } from './par.js';
import { relayCallback, waitForCallback } from './popup.js';
import type { Session } from './session.js';
import type { KeyValueStore } from './store.js';
import { createTransaction, peekTransaction, pendingState, saveTransaction, takeTransaction, type Transaction, type TransactionMode } from './transaction.js';
import type { DpopSigner } from './dpop.js';
import { finishSignIn } from './sign-in-finish.js';

// Loaded by the client on the first sign-in, callback or silent renewal, so a page that only shows the button does not carry it.

/** What signing in needs from the client. */
export interface SignInContext {
  config: ResolvedConfig;
  store: KeyValueStore;
  metadata: (signal?: AbortSignal) => Promise<ProviderMetadata>;
  /** Set when the client binds its tokens with DPoP. */
  dpop?: DpopSigner | undefined;
}

/** What the client's parts that load on first use (sign-in, renewal, sign-out) need of it. */
export interface ClientContext extends SignInContext {
  /** The key its session is stored under. */
  readonly key: string;
  /** Whether a session without a refresh token is renewed in a hidden frame. */
  readonly renewsSilently: boolean;
  /** Stores the session (or removes it), tells the other tabs and the listeners. */
  setSession(session: Session | null): Promise<void>;
  /** Takes a session another tab stored, telling the listeners if it is new here. */
  adopt(session: Session): Session;
}

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
  const metadata = await ctx.metadata(signal);
  const transaction = createTransaction({
    issuer: absoluteIssuer(ctx.config.issuer),
    clientId: ctx.config.clientId,
    redirectUri: ctx.config.redirectUri ?? `${location.origin}${location.pathname}`,
    mode,
    flow: ctx.config.flow,
    scope: ctx.config.scope,
    returnTo,
  });
  let params = await authorizationParams(ctx.config, transaction, extra);
  // The transaction is stored while the request is pushed; a refused push takes it back.
  const saved = saveTransaction(ctx.store, transaction);
  saved.catch(() => undefined);
  const pushTo = metadata.pushed_authorization_request_endpoint;
  if (ctx.config.par || metadata.require_pushed_authorization_requests) {
    try {
      if (!pushTo) throw new OAuthError('invalid_config', `${metadata.issuer} takes no pushed authorization requests`);
      params = await pushAuthorizationRequest(pushTo, params, signal);
    } catch (error) {
      await saved.then(() => takeTransaction(ctx.store, transaction.state)).then(({ cleared }) => cleared).catch(() => undefined);
      throw error;
    }
  }
  await saved;
  return { url: authorizationUrl(metadata, params), transaction };
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
  const { url, transaction } = await startSignIn(ctx, popup ? 'popup' : 'redirect', returnTo, extra, signal);
  if (!popup) {
    location.assign(url);
    return null;
  }
  popup.location.replace(url.href);
  const href = await waitForCallback(popup, transaction.state, ctx.config.popupTimeout, signal);
  const params = readCallback(href, !ctx.config.profile.echoesState);
  if (!params) throw new OAuthError('invalid_callback', 'the sign-in window returned no authorization response');
  return (await completeSignIn(ctx, params, transaction.state, signal)).session;
}

/**
 * Answers the page's callback: a popup's or frame's is handed to the page waiting for it, one
 * for another client of the page is left to it (`null`); this client's own finishes its sign-in.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2
 */
export async function answerCallback(
  ctx: ClientContext,
  href: string,
  params: CallbackParams,
  signal?: AbortSignal,
): Promise<{ session: Session; returnTo: string } | null> {
  const [own, echoed] = await Promise.all([
    pendingState(ctx.store, absoluteIssuer(ctx.config.issuer), ctx.config.clientId),
    params.state === undefined ? undefined : peekTransaction(ctx.store, params.state),
  ]);
  if (params.state === undefined && ctx.config.profile.echoesState) {
    // No state: a stateless provider's callback for another client of the page, unless this client is waiting.
    if (own === undefined) return null;
    releasePageCallback(href);
    throw new OAuthError('invalid_state', 'the authorization response has no state');
  }
  const state = params.state ?? own;
  const pending = echoed ?? (state === undefined ? undefined : await peekTransaction(ctx.store, state));
  if (state !== undefined && pending && pending.mode !== 'redirect') {
    // Any client of a popup's or frame's page hands the response on; the one waiting checks it.
    releasePageCallback(href);
    relayCallback(href, state);
    return null;
  }
  if (pending && !owns(ctx.config, pending)) return null;
  releasePageCallback(href);
  return completeSignIn(ctx, params, state, signal);
}

/**
 * Takes the callback's transaction (state is single-use), finishes the sign-in and stores the session.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-10.12
 */
export async function completeSignIn(
  ctx: ClientContext,
  params: CallbackParams,
  state: string | undefined,
  signal?: AbortSignal,
): Promise<{ session: Session; returnTo: string }> {
  const { transaction, cleared } = state === undefined ? { transaction: undefined, cleared: undefined } : await takeTransaction(ctx.store, state);
  // The code goes to the token endpoint while the pending pointer is cleared; both are done before this settles.
  const finished = transaction && owns(ctx.config, transaction) ? finishSignIn(ctx, params, transaction, signal) : undefined;
  await Promise.allSettled([cleared, finished]);
  if (!transaction || !finished) throw new OAuthError('invalid_state', 'the callback matches no sign-in started here');
  const session = await finished;
  await ctx.setSession(session);
  return { session, returnTo: transaction.returnTo };
}

const owns = (config: ResolvedConfig, transaction: Transaction): boolean =>
  transaction.issuer === absoluteIssuer(config.issuer) && transaction.clientId === config.clientId;
