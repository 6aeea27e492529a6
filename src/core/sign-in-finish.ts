import { checkCallback, codeOf, implicitTokenOf } from './callback.js';
import type { CallbackParams } from './callback-url.js';
import { scopesOf } from './config.js';
import { expectedIssuer, type ProviderMetadata } from './discovery.js';
import { OAuthError } from './errors.js';
import type { UserClaims } from './id-token.js';
import { timeoutSignal } from './http.js';
import { sessionOf, type Session } from './session.js';
import type { SignInContext } from './sign-in.js';
import { checkTokenResponse, requestToken, type TokenResponse } from './token-endpoint.js';
import type { Transaction } from './transaction.js';
import { fetchUserInfo } from './userinfo.js';

// The second half of a sign-in (`sign-in.ts`), loaded with it as part of `client-parts.ts`.

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
  const verifier = idTokenVerifier(ctx, metadata);
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
  const user = await userOf(ctx, metadata, response, transaction, verifier, signal);
  return sessionOf(response, transaction.scope, user);
}

type IdTokenModule = typeof import('./id-token.js');

/** For an OpenID sign-in, the id_token's checks (jose) and the provider's keys load while the code is exchanged. */
function idTokenVerifier(ctx: SignInContext, metadata: ProviderMetadata): Promise<IdTokenModule> | undefined {
  const jwksUri = metadata.jwks_uri;
  if (!jwksUri || !scopesOf(ctx.config).includes('openid')) return undefined;
  const loading = import('./id-token.js').then((module) => {
    module.prefetchKeys(jwksUri);
    return module;
  });
  loading.catch(() => undefined);
  return loading;
}

async function userOf(
  ctx: SignInContext,
  metadata: ProviderMetadata,
  response: TokenResponse,
  transaction: Transaction,
  verifier: Promise<IdTokenModule> | undefined,
  signal?: AbortSignal,
): Promise<UserClaims | undefined> {
  const openid = scopesOf(ctx.config).includes('openid');
  if (openid && !response.id_token) throw new OAuthError('invalid_token_response', 'the token response has no id_token');
  let claims: UserClaims | undefined;
  if (response.id_token) {
    if (!metadata.jwks_uri) throw new OAuthError('invalid_discovery', 'the provider publishes no jwks_uri');
    claims = await (await (verifier ?? import('./id-token.js'))).verifyIdToken(response.id_token, {
      issuer: expectedIssuer(metadata),
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
