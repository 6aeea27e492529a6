import type { IdTokenExpectations } from './id-token.js';
import type { UserClaims } from '../session.js';

/**
 * Verifies an id_token's signature against the provider's JWKS (refetched once for an unknown
 * `kid`) and its claims. The checks and jose load on the first call: an app's bundler that follows
 * the core's index into `id-token.ts` would put them in the page's first load.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#IDTokenValidation
 */
export async function verifyIdToken(idToken: string, expected: IdTokenExpectations): Promise<UserClaims> {
  return (await import('./id-token.js')).verifyIdToken(idToken, expected);
}
