import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import { OAuthError } from './errors.js';

/** The claims the kit reads from an id_token or userinfo. */
export interface UserClaims extends JWTPayload {
  sub: string;
  name?: string;
  preferred_username?: string;
  email?: string;
  picture?: string;
  nonce?: string;
  azp?: string;
}

/** Asymmetric algorithms only: `none` and HMAC with a public key can never pass. */
export const idTokenAlgorithms = ['RS256', 'PS256', 'ES256', 'ES384', 'EdDSA'];

const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

/** What an id_token is checked against. */
export interface IdTokenExpectations {
  issuer: string;
  clientId: string;
  nonce: string;
  jwksUri: string;
  clockSkew: number;
}

/**
 * Verifies an id_token's signature against the provider's JWKS and its claims.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#IDTokenValidation
 */
export async function verifyIdToken(idToken: string, expected: IdTokenExpectations): Promise<UserClaims> {
  let keySet = keySets.get(expected.jwksUri);
  if (!keySet) keySets.set(expected.jwksUri, (keySet = createRemoteJWKSet(new URL(expected.jwksUri))));
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(idToken, keySet, {
      issuer: expected.issuer,
      audience: expected.clientId,
      algorithms: idTokenAlgorithms,
      clockTolerance: expected.clockSkew,
      requiredClaims: ['sub', 'iat', 'exp'],
    }));
  } catch (cause) {
    const why = cause instanceof errors.JOSEError ? cause.code : 'it could not be read';
    throw new OAuthError('invalid_id_token', `the id_token was refused: ${why}`, { cause });
  }
  if (payload['nonce'] !== expected.nonce) throw new OAuthError('invalid_id_token', 'the id_token nonce does not match');
  if (Array.isArray(payload.aud) && payload.aud.length > 1 && payload['azp'] !== expected.clientId) {
    throw new OAuthError('invalid_id_token', 'the id_token azp is not this client');
  }
  return payload as UserClaims;
}
