import { authorizationParams, authorizationUrl } from './authorization-request.js';
import { checkCallback, codeOf, implicitTokenOf, type CallbackParams } from './callback.js';
import { absoluteIssuer, scopesOf, type ResolvedConfig } from './config.js';
import type { ProviderMetadata } from './discovery.js';
import { OAuthError } from './errors.js';
import type { UserClaims } from './id-token.js';
import { timeoutSignal } from './http.js';
import { pushAuthorizationRequest } from './par.js';
import { sessionOf, type Session } from './session.js';
import type { KeyValueStore } from './store.js';
import { checkTokenResponse, requestToken, type TokenResponse } from './token-endpoint.js';
import { createTransaction, saveTransaction, type Transaction, type TransactionMode } from './transaction.js';
import type { DpopSigner } from './dpop.js';
import { fetchUserInfo } from './userinfo.js';

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
 * verified; the user read. Nothing is stored here.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.3
 * @see https://openid.net/specs/openid-connect-core-1_0.html#ImplicitTokenValidation
 */
export async function finishSignIn(ctx: SignInContext, params: CallbackParams, transaction: Transaction, signal?: AbortSignal): Promise<Session> {
  const metadata = await ctx.metadata(signal);
  checkCallback(params, metadata);
  let response: TokenResponse;
  if (transaction.flow === 'code') {
    const form: Record<string, string> = {
      grant_type: 'authorization_code',
      code: codeOf(params),
      redirect_uri: transaction.redirectUri,
      client_id: ctx.config.clientId,
    };
    if (ctx.config.profile.pkce) form['code_verifier'] = transaction.verifier;
    response = await requestToken(metadata.token_endpoint, form, timeoutSignal(ctx.config.requestTimeout, signal), ctx.dpop);
  } else {
    response = checkTokenResponse(implicitTokenOf(params));
  }
  const user = await userOf(ctx, metadata, response, transaction, signal);
  return sessionOf(response, transaction.scope, user);
}

async function userOf(ctx: SignInContext, metadata: ProviderMetadata, response: TokenResponse, transaction: Transaction, signal?: AbortSignal): Promise<UserClaims | undefined> {
  const openid = scopesOf(ctx.config).includes('openid');
  if (openid && !response.id_token) throw new OAuthError('invalid_token_response', 'the token response has no id_token');
  let claims: UserClaims | undefined;
  if (response.id_token) {
    if (!metadata.jwks_uri) throw new OAuthError('invalid_discovery', 'the provider publishes no jwks_uri');
    claims = await (await import('./id-token.js')).verifyIdToken(response.id_token, {
      issuer: metadata.issuer,
      clientId: ctx.config.clientId,
      nonce: transaction.nonce,
      jwksUri: metadata.jwks_uri,
      clockSkew: ctx.config.clockSkew,
      ...(transaction.flow === 'implicit' ? { accessToken: response.access_token } : {}),
    });
  }
  if (metadata.userinfo_endpoint && !claims?.name) {
    const token = { accessToken: response.access_token, tokenType: response.token_type };
    const info = await fetchUserInfo(metadata.userinfo_endpoint, token, ctx.config.profile, { expectedSub: claims?.sub, dpop: ctx.dpop, ...(signal ? { signal } : {}) });
    claims = { ...info, ...claims };
  }
  return claims;
}
