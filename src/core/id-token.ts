import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import { atHashOf } from './at-hash.js';
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
  jwksUri: string;
  clockSkew: number;
  /** The transaction's nonce; `undefined` only for an id_token from a refresh. */
  nonce: string | undefined;
  /** The subject it must be about (after a refresh, the signed-in user). */
  sub?: string;
  /** The access token issued with it, when `at_hash` must match (implicit flow). */
  accessToken?: string;
}

const refuse = (why: string, cause?: unknown): OAuthError => new OAuthError('invalid_id_token', `the id_token was refused: ${why}`, { cause });

/**
 * Verifies an id_token's signature against the provider's JWKS (refetched once for an unknown
 * `kid`) and its claims.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#IDTokenValidation
 */
export async function verifyIdToken(idToken: string, expected: IdTokenExpectations): Promise<UserClaims> {
  let keySet = keySets.get(expected.jwksUri);
  if (!keySet) keySets.set(expected.jwksUri, (keySet = createRemoteJWKSet(new URL(expected.jwksUri), { cooldownDuration: 0 })));
  let payload: JWTPayload;
  let alg: string;
  try {
    const verified = await jwtVerify(idToken, keySet, {
      issuer: expected.issuer,
      audience: expected.clientId,
      algorithms: idTokenAlgorithms,
      clockTolerance: expected.clockSkew,
      requiredClaims: ['sub', 'iat', 'exp'],
    });
    payload = verified.payload;
    alg = verified.protectedHeader.alg;
  } catch (cause) {
    throw refuse(cause instanceof errors.JOSEError ? cause.code : 'it could not be read', cause);
  }
  if (expected.nonce !== undefined && payload['nonce'] !== expected.nonce) throw refuse('the nonce does not match');
  if (expected.sub !== undefined && payload.sub !== expected.sub) throw refuse('it is about another user');
  if (Array.isArray(payload.aud) && payload.aud.length > 1 && payload['azp'] !== expected.clientId) throw refuse('azp is not this client');
  if (payload['azp'] !== undefined && payload['azp'] !== expected.clientId) throw refuse('azp is not this client');
  if (expected.accessToken !== undefined && payload['at_hash'] !== (await atHashOf(expected.accessToken, alg))) {
    throw refuse('at_hash does not match the access token');
  }
  return payload as UserClaims;
}
