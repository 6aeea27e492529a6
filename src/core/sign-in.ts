import { authorizationParams, authorizationUrl } from './authorization-request.js';
import type { CallbackParams } from './callback.js';
import { absoluteIssuer, type ResolvedConfig } from './config.js';
import type { ProviderMetadata } from './discovery.js';
import { pushAuthorizationRequest } from './par.js';
import type { Session } from './session.js';
import type { KeyValueStore } from './store.js';
import { createTransaction, saveTransaction, type Transaction, type TransactionMode } from './transaction.js';
import type { DpopSigner } from './dpop.js';

/** What signing in needs from the client. */
export interface SignInContext {
  config: ResolvedConfig;
  store: KeyValueStore;
  metadata: (signal?: AbortSignal) => Promise<ProviderMetadata>;
  /** Set when the client binds its tokens with DPoP. */
  dpop?: DpopSigner | undefined;
}

/**
 * Saves a new transaction and returns the authorization URL to send the user to, pushing the
 * request first where the provider offers PAR.
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
  if (metadata.pushed_authorization_request_endpoint) {
    params = await pushAuthorizationRequest(metadata.pushed_authorization_request_endpoint, params, signal);
  }
  await saveTransaction(ctx.store, transaction);
  return { url: authorizationUrl(metadata, params), transaction };
}

/**
 * Checks an authorization response against its transaction and turns it into a session: the code
 * exchanged (with the PKCE verifier), or the implicit token taken from the fragment; the id_token
 * verified; the user read. Nothing is stored here. The code loads when a response comes back, so
 * a page that only shows the button does not carry it.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.3
 */
export async function finishSignIn(ctx: SignInContext, params: CallbackParams, transaction: Transaction, signal?: AbortSignal): Promise<Session> {
  return (await import('./sign-in-finish.js')).finishSignIn(ctx, params, transaction, signal);
}
