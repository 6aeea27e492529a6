import { checkCallback, codeOf } from '../callback/callback.js';
import type { CallbackParams } from '../callback/callback-url.js';
import { scopesOf } from '../config.js';
import type { ProviderMetadata } from '../provider/discovery.js';
import { OAuthError } from '../errors.js';
import { DpopFallbackEvent } from '../events.js';
import type { UserClaims } from '../session.js';
import { sessionOf, type Session } from '../session.js';
import type { SignInContext } from '../client-context.js';
import { requestToken } from '../provider/token-endpoint.js';
import { checkTokenResponse, type TokenResponse } from '../provider/token-response.js';
import { timeoutSignal } from '../provider/http.js';
import type { Transaction } from './transaction.js';
import { verifyClientIdToken, type IdTokenModule } from '../id-token/client-id-token.js';
import { mark } from '../marks.js';
import { loadExtras } from './load-extras.js';

// The second half of a sign-in (`sign-in.ts`), loaded with it as part of `sign-in-parts.ts`.

/**
 * Checks an authorization response against its transaction and turns it into a session: the code
 * exchanged (with the PKCE verifier), or the implicit token taken from the fragment; the id_token
 * verified; the user read. Nothing is stored here.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.3
 * @see https://openid.net/specs/openid-connect-core-1_0.html#ImplicitTokenValidation
 */
export async function finishSignIn(
  ctx: SignInContext,
  params: CallbackParams,
  transaction: Transaction,
  signal?: AbortSignal,
): Promise<Session> {
  const metadata = await ctx.metadata(signal);
  checkCallback(params, metadata);
  const verifier = idTokenVerifier(ctx, metadata);
  // Without an id_token the user comes from UserInfo: its code loads while the code is exchanged.
  const userInfo = metadata.userinfo_endpoint && !scopesOf(ctx.config).includes('openid') ? loadExtras() : undefined;
  const response =
    transaction.flow === 'code'
      ? await exchangeCode(ctx, metadata, codeOf(params), transaction, signal)
      : checkTokenResponse((await loadExtras()).implicitTokenOf(params));
  mark('token-response');
  const user = await userOf(ctx, metadata, response, transaction, verifier, userInfo, signal);
  return sessionOf(response, transaction.scope, user);
}

/**
 * Exchanges an authorization code at the token endpoint, with the redirect URI it was sent to and
 * the PKCE verifier where the profile uses PKCE.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.3
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.5
 */
export function exchangeCode(
  ctx: SignInContext,
  metadata: ProviderMetadata,
  code: string,
  transaction: Transaction,
  signal?: AbortSignal,
): Promise<TokenResponse> {
  const form: Record<string, string> = {
    grant_type: 'authorization_code',
    code,
    redirect_uri: transaction.redirectUri,
    client_id: ctx.config.clientId,
  };
  if (ctx.config.profile.pkce) form['code_verifier'] = transaction.verifier;
  // The app's backend finds the sign-in this browser started by its state.
  if (ctx.config.tokenEndpoint !== undefined) form['state'] = transaction.state;
  mark('token-request');
  return requestGrant(ctx, metadata, form, signal);
}

// Beside the code exchange, which the renewal loads too, not in token-endpoint.ts: the server's client credentials
// share that module and need none of the client's context, backend or DPoP binding.
/**
 * Posts a client's grant (a code, a refresh) to the provider's token endpoint, or to the app's
 * backend where `tokenEndpoint` is set, within the request timeout and with a DPoP proof where the
 * client binds its tokens; a Bearer answer to a DPoP client is refused (`dpop-binding.ts`).
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.3
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-6
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-5
 */
export async function requestGrant(
  ctx: SignInContext,
  metadata: ProviderMetadata,
  form: Record<string, string>,
  signal?: AbortSignal,
): Promise<TokenResponse> {
  // Only a DPoP client's answer is checked for its binding: that check loads beside the request.
  const binding = ctx.dpop ? loadExtras() : undefined;
  const response = await requestToken(
    metadata.token_endpoint,
    form,
    timeoutSignal(ctx.config.requestTimeout, signal),
    ctx.dpop,
    {},
    // At the app's backend: with its session cookie, and proofs naming the provider's endpoint, where it forwards them.
    ctx.config.tokenEndpoint === undefined
      ? undefined
      : { credentials: 'include', proofUrl: metadata.provider_token_endpoint ?? metadata.token_endpoint },
  );
  if (binding && (await binding).checkBinding(ctx, metadata, response))
    ctx.notify?.(new DpopFallbackEvent(response.token_type));
  return response;
}

/** For an OpenID sign-in, the id_token's checks (jose) and the provider's keys load while the code is exchanged. */
function idTokenVerifier(ctx: SignInContext, metadata: ProviderMetadata): Promise<IdTokenModule> | undefined {
  const jwksUri = metadata.jwks_uri;
  if (!jwksUri || !scopesOf(ctx.config).includes('openid')) return undefined;
  const loading = import('../id-token/id-token.js').then((module) => {
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
  userInfo: ReturnType<typeof loadExtras> | undefined,
  signal?: AbortSignal,
): Promise<UserClaims | undefined> {
  const openid = scopesOf(ctx.config).includes('openid');
  if (openid && !response.id_token)
    throw new OAuthError('invalid_token_response', 'the token response has no id_token');
  let claims: UserClaims | undefined;
  if (response.id_token) {
    const flow = {
      nonce: transaction.nonce,
      ...(transaction.flow === 'implicit' ? { accessToken: response.access_token } : {}),
    };
    claims = await verifyClientIdToken(ctx, metadata, response.id_token, flow, verifier);
    mark('id-token-verified');
  }
  if (metadata.userinfo_endpoint && !claims?.name) {
    const token = { accessToken: response.access_token, tokenType: response.token_type };
    // An OpenID sign-in loads UserInfo's code only when the id_token names nobody.
    const { fetchUserInfo } = await (userInfo ?? loadExtras());
    const info = await fetchUserInfo(metadata.userinfo_endpoint, token, ctx.config.profile, {
      expectedSub: claims?.sub,
      dpop: ctx.dpop,
      ...(signal ? { signal } : {}),
    });
    claims = { ...info, ...claims };
  }
  return claims;
}
