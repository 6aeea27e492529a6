import { compactVerify, type JWK, type JWSHeaderParameters, type JWTPayload } from 'jose';
import { atHashOf } from './at-hash.js';
import { OAuthError } from '../errors.js';
import { jsonObjectOf, send } from '../provider/http.js';
import type { UserClaims } from '../session.js';
import { fromTab, toTab } from '../storage/tab-cache.js';
import { keyOf } from '../storage/keys.js';

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

const refuse = (why: string, cause?: unknown): OAuthError =>
  new OAuthError('invalid_id_token', `the id_token was refused: ${why}`, { cause });

/** The provider's keys, by JWKS URL, kept for the page's life and fetched again for an unknown `kid`. */
const keySets = new Map<string, Promise<JWK[]>>();

async function fetchKeys(jwksUri: string): Promise<JWK[]> {
  const response = await send(jwksUri, { headers: { accept: 'application/json' }, referrerPolicy: 'no-referrer' });
  const keys = (await jsonObjectOf(response))?.['keys'];
  if (!response.ok || !Array.isArray(keys)) throw refuse(`the provider's JWKS could not be read (${response.status})`);
  return keys.filter((key): key is JWK => typeof key === 'object' && key !== null);
}

const keysOf = (jwksUri: string, again: boolean): Promise<JWK[]> => {
  let keys = keySets.get(jwksUri);
  if (!keys || again) {
    const kept = again ? undefined : fromTab<JWK[]>(keyOf('jwks', jwksUri));
    keys = kept ? Promise.resolve(kept) : fetchKeys(jwksUri);
    keySets.set(jwksUri, keys);
    keys.then(
      (fetched) => kept || toTab(keyOf('jwks', jwksUri), fetched),
      () => keySets.delete(jwksUri),
    );
  }
  return keys;
};

/** Starts fetching the provider's keys (or takes them from this tab's cache), so that a check soon after need not wait. */
export function prefetchKeys(jwksUri: string): void {
  keysOf(jwksUri, false).catch(() => undefined);
}

/**
 * The algorithms an id_token may be signed with, the key type (and curve) each needs and the hash its
 * `at_hash` takes: asymmetric only, so `none` and HMAC with a public key never pass. `idTokenAlgorithms`
 * (the core's index) lists the same, apart from this chunk.
 * @see https://www.rfc-editor.org/rfc/rfc7518#section-3.1
 * @see https://openid.net/specs/openid-connect-core-1_0.html#CodeIDToken
 */
const signatures: Record<string, [keyType: string, hash: string]> = {
  RS256: ['RSA', 'SHA-256'],
  PS256: ['RSA', 'SHA-256'],
  ES256: ['EC P-256', 'SHA-256'],
  ES384: ['EC P-384', 'SHA-384'],
  EdDSA: ['OKP Ed25519', 'SHA-512'],
};
const algorithms = Object.keys(signatures);

/** The published keys that may have signed a token with this header. @see https://www.rfc-editor.org/rfc/rfc7517#section-4 */
function candidates(keys: JWK[], { alg, kid }: JWSHeaderParameters): JWK[] {
  return keys.filter(
    (key) =>
      signatures[alg ?? '']?.[0] === (key.kty === 'RSA' ? 'RSA' : `${key.kty} ${key.crv}`) &&
      (kid === undefined || key.kid === kid) &&
      (key.alg === undefined || key.alg === alg) &&
      (key.use === undefined || key.use === 'sig') &&
      (key.key_ops === undefined || key.key_ops.includes('verify')),
  );
}

/**
 * Checks the signature with jose, which reads the header and refuses an algorithm outside the
 * allowlist before it asks for a key; each candidate key is tried in turn. Resolves to the payload and `alg`.
 */
async function verifySignature(idToken: string, jwksUri: string): Promise<{ payload: Uint8Array; alg: string }> {
  let keys: JWK[] | undefined;
  let tried = 0;
  const nextKey = async (header: JWSHeaderParameters): Promise<JWK> => {
    keys ??= candidates(await keysOf(jwksUri, false), header);
    if (keys.length === 0) keys = candidates(await keysOf(jwksUri, true), header);
    const key = keys[tried++];
    if (!key) throw refuse('no key of the provider matches it');
    // jose imports the public key (a private member refuses it) and keeps it for the page's next id_token.
    return key;
  };
  for (;;) {
    try {
      const { payload, protectedHeader } = await compactVerify(idToken, nextKey, { algorithms });
      return { payload, alg: protectedHeader.alg };
    } catch (cause) {
      if (cause instanceof OAuthError) throw cause;
      if (!keys)
        throw refuse(
          (cause as { code?: string }).code === 'ERR_JOSE_ALG_NOT_ALLOWED'
            ? `its alg is not one of ${algorithms.join(', ')}`
            : 'it could not be read',
          cause,
        );
      if (tried === keys.length) throw refuse('the signature does not verify', cause);
    }
  }
}

/** The JWT claims every id_token must carry and that must hold now. @see https://www.rfc-editor.org/rfc/rfc7519#section-4.1 */
function checkClaims(payload: JWTPayload, expected: IdTokenExpectations, issuer: string | undefined): void {
  const now = Math.floor(Date.now() / 1000);
  const skew = expected.clockSkew;
  if (payload.iss === undefined || payload.iss !== issuer) throw refuse('it is from another issuer');
  const audience = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  if (!audience.includes(expected.clientId)) throw refuse('it is for another audience');
  if (typeof payload.sub !== 'string' || payload.sub === '') throw refuse('it has no sub');
  if (typeof payload.iat !== 'number') throw refuse('it has no iat');
  // OpenID Connect Core §3.1.3.7 step 10: an id_token from the future is refused.
  if (payload.iat > now + skew) throw refuse('it was issued in the future');
  if (typeof payload.exp !== 'number') throw refuse('it has no exp');
  if (payload.exp <= now - skew) throw refuse('it has expired');
  if (payload.nbf !== undefined && (typeof payload.nbf !== 'number' || payload.nbf > now + skew))
    throw refuse('it is not valid yet');
}

/**
 * Verifies an id_token's signature against the provider's JWKS (refetched once for an unknown
 * `kid`) and its claims.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#IDTokenValidation
 */
export async function verifyIdToken(idToken: string, expected: IdTokenExpectations): Promise<UserClaims> {
  const { payload: bytes, alg } = await verifySignature(idToken, expected.jwksUri);
  let payload: unknown;
  try {
    payload = JSON.parse(new TextDecoder().decode(bytes));
  } catch (cause) {
    throw refuse('its payload is not JSON', cause);
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload))
    throw refuse('its payload is not a JSON object');
  const claims = payload as JWTPayload;
  // Entra's multi-tenant issuer holds {tenantid}: the token's own tid goes there, and nothing else (tenant-issuer.ts, loaded for it).
  const issuer = expected.issuer.includes('{')
    ? (await import('../provider/tenant-issuer.js')).tenantIssuerOf(expected.issuer, claims['tid'])
    : expected.issuer;
  checkClaims(claims, expected, issuer);
  if (expected.nonce !== undefined && claims['nonce'] !== expected.nonce) throw refuse('the nonce does not match');
  if (expected.sub !== undefined && claims.sub !== expected.sub)
    throw new OAuthError('user_mismatch', 'the id_token is about another user');
  if (Array.isArray(claims.aud) && claims.aud.length > 1 && claims['azp'] !== expected.clientId)
    throw refuse('azp is not this client');
  if (claims['azp'] !== undefined && claims['azp'] !== expected.clientId) throw refuse('azp is not this client');
  if (
    expected.accessToken !== undefined &&
    claims['at_hash'] !== (await atHashOf(expected.accessToken, signatures[alg]![1]))
  ) {
    throw refuse('at_hash does not match the access token');
  }
  return claims as UserClaims;
}
