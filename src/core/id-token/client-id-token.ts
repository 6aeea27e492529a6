import type { SignInContext } from '../client-context.js';
import { OAuthError } from '../errors.js';
import { expectedIssuer, type ProviderMetadata } from '../provider/discovery.js';
import type { UserClaims } from '../session.js';
import type { IdTokenExpectations } from './id-token.js';

// In the client's chunk: the id_token checks themselves (jose) load only when an id_token comes.

/** The id_token checks (jose), as their chunk loads. */
export type IdTokenModule = typeof import('./id-token.js');

/**
 * Verifies an id_token a sign-in or a refresh received, with what every one of this client's must
 * hold (issuer, audience, the provider's keys, the clock skew) and what the flow adds: the nonce,
 * the subject after a refresh, the access token's `at_hash` in the implicit flow. A provider
 * without `jwks_uri` has no way to sign one this client can check.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#IDTokenValidation
 */
export async function verifyClientIdToken(
  ctx: SignInContext,
  metadata: ProviderMetadata,
  idToken: string,
  flow: Pick<IdTokenExpectations, 'nonce' | 'sub' | 'accessToken'>,
  loading: Promise<IdTokenModule> = import('./id-token.js'),
): Promise<UserClaims> {
  const jwksUri = metadata.jwks_uri;
  if (!jwksUri) throw new OAuthError('invalid_discovery', 'the provider publishes no jwks_uri');
  return (await loading).verifyIdToken(idToken, {
    issuer: expectedIssuer(metadata),
    clientId: ctx.config.clientId,
    jwksUri,
    clockSkew: ctx.config.clockSkew,
    ...flow,
  });
}
