import { OAuthError } from '../errors.js';
import type { DpopSigner } from '../dpop/dpop-signer.js';
import { jsonObjectOf, providerError, send } from './http.js';
import type { UserClaims } from '../session.js';
import type { ProviderProfile } from '../profiles/index.js';
import { sendWithToken } from './send-with-token.js';

/**
 * The signed-in user's claims from the userinfo endpoint, with the token where the profile says,
 * mapped to standard claims; `sub` must match the id_token's when known.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#UserInfo
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-2
 */
export async function fetchUserInfo(
  endpoint: string,
  token: { accessToken: string; tokenType: string },
  profile: Pick<ProviderProfile, 'userinfo'>,
  options: { expectedSub?: string | undefined; dpop?: DpopSigner | undefined; signal?: AbortSignal } = {},
): Promise<UserClaims> {
  const url = new URL(endpoint);
  const init: RequestInit = {
    headers: { accept: 'application/json' },
    signal: options.signal ?? null,
    referrerPolicy: 'no-referrer',
  };
  let response: Response;
  if (profile.userinfo?.token === 'query') {
    url.searchParams.set('access_token', token.accessToken);
    response = await send(url, init);
  } else {
    response = await sendWithToken(url, init, token, options.dpop);
  }
  const body = await jsonObjectOf(response);
  if (!response.ok) throw providerError(response.status, body, 'the userinfo request');
  const claims = body && (profile.userinfo?.claims ? profile.userinfo.claims(body) : (body as UserClaims));
  if (!claims || typeof claims.sub !== 'string') throw new OAuthError('provider_error', 'userinfo names no user');
  if (options.expectedSub !== undefined && claims.sub !== options.expectedSub)
    throw new OAuthError('provider_error', 'userinfo is about another user');
  return claims;
}
