import { OAuthError } from './errors.js';
import { jsonObjectOf, providerError, send } from './http.js';
import type { UserClaims } from './id-token.js';

/**
 * The signed-in user's claims from the userinfo endpoint; `sub` must match the id_token's when known.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#UserInfo
 */
export async function fetchUserInfo(endpoint: string, accessToken: string, expectedSub?: string, signal?: AbortSignal): Promise<UserClaims> {
  const response = await send(endpoint, { headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' }, signal });
  const body = await jsonObjectOf(response);
  if (!response.ok) throw providerError(response.status, body, 'the userinfo request');
  if (!body || typeof body['sub'] !== 'string') throw new OAuthError('provider_error', 'userinfo has no sub');
  if (expectedSub !== undefined && body['sub'] !== expectedSub) {
    throw new OAuthError('provider_error', 'userinfo is about another user');
  }
  return body as UserClaims;
}
