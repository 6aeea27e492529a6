import { calculateJwkThumbprint, decodeProtectedHeader, EmbeddedJWK, jwtVerify, type JWK } from 'jose';
import type { EndpointContext } from './context.js';
import { takeScenario } from './control.js';
import { randomId, sha256 } from './ids.js';
import { json } from './responses.js';
import type { AccessTokenRecord, DpopState } from './state.js';

/** Where a proof is checked: the token endpoint answers 400, a resource 401 with a challenge. */
export type ProofPlace = 'token' | 'resource';

const algorithms = ['ES256', 'ES384', 'PS256', 'RS256', 'EdDSA'];
const proofLifetime = 60;

/** The error a refused proof gets, as RFC 9449 §7.1 and §8 say for each place. */
export function proofError(
  place: ProofPlace,
  error: 'invalid_dpop_proof' | 'use_dpop_nonce' | 'invalid_token',
  description: string,
  nonce?: string,
): Response {
  const headers: Record<string, string> = nonce ? { 'dpop-nonce': nonce } : {};
  if (place === 'token')
    return json({ error, error_description: description }, 400, { ...headers, 'cache-control': 'no-store' });
  headers['www-authenticate'] =
    `DPoP algs="${algorithms.join(' ')}", error="${error}", error_description="${description}"`;
  return json({ error, error_description: description }, 401, headers);
}

/**
 * Checks the DPoP proof of a request and returns the thumbprint of its key (`jkt`), `undefined`
 * when the request carries none, or the error response. With `accessToken`, `ath` must be its hash.
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-4.3
 */
export async function checkProof(
  ctx: EndpointContext,
  dpop: DpopState,
  request: Request,
  place: ProofPlace,
  clientId: string,
  accessToken?: string,
): Promise<string | Response | undefined> {
  const header = request.headers.get('dpop');
  if (header === null) return undefined;
  const refuse = (description: string): Response => proofError(place, 'invalid_dpop_proof', description);
  if (header.includes(',')) return refuse('send exactly one DPoP header');
  let payload: Record<string, unknown>;
  let jwk: JWK;
  try {
    const protectedHeader = decodeProtectedHeader(header);
    if (protectedHeader.typ !== 'dpop+jwt') return refuse('typ must be dpop+jwt');
    if (!algorithms.includes(String(protectedHeader.alg))) return refuse('alg must be an asymmetric algorithm');
    jwk = protectedHeader.jwk ?? {};
    if ('d' in jwk || 'k' in jwk) return refuse('the jwk must be a public key');
    ({ payload } = await jwtVerify(header, EmbeddedJWK, { typ: 'dpop+jwt', algorithms }));
  } catch {
    return refuse('the proof is not a valid signed JWT');
  }
  const url = new URL(request.url);
  const now = Math.floor(ctx.now() / 1000);
  if (typeof payload['jti'] !== 'string' || payload['jti'].length < 16) return refuse('jti is missing or too short');
  if (payload['htm'] !== request.method) return refuse('htm differs from the request method');
  if (payload['htu'] !== `${url.origin}${url.pathname}`) return refuse('htu differs from the request URL');
  if (typeof payload['iat'] !== 'number' || Math.abs(payload['iat'] - now) > proofLifetime)
    return refuse('iat is too far from now');
  if (accessToken !== undefined && payload['ath'] !== (await sha256(accessToken)))
    return refuse('ath does not match the access token');
  for (const [jti, until] of dpop.seen) if (until < ctx.now()) dpop.seen.delete(jti);
  if (dpop.seen.has(payload['jti'])) return refuse('this proof was already used');
  const nonce = dpop.nonces.get(clientId);
  if (nonce !== undefined && payload['nonce'] !== nonce)
    return proofError(place, 'use_dpop_nonce', 'send the nonce in DPoP-Nonce', nonce);
  dpop.seen.set(payload['jti'], ctx.now() + 2 * proofLifetime * 1000);
  return calculateJwkThumbprint(jwk, 'sha256');
}

/** Starts asking a client's proofs for a new nonce (a `dpop_nonce` scenario). @see https://www.rfc-editor.org/rfc/rfc9449#section-8 */
export function requireNonce(dpop: DpopState, clientId: string): void {
  dpop.nonces.set(clientId, randomId(16));
}

/**
 * Refuses a resource request whose token binding does not hold: a bound token must come with the
 * DPoP scheme and a proof of its key carrying `ath`; an unbound one must not claim DPoP.
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-7.1
 */
export async function bindingRefusal(
  ctx: EndpointContext,
  request: Request,
  record: AccessTokenRecord,
  token: string,
  scheme: string,
): Promise<Response | undefined> {
  const dpop = scheme.toLowerCase() === 'dpop';
  if (record.jkt === undefined)
    return dpop ? proofError('resource', 'invalid_token', 'this token is not DPoP-bound') : undefined;
  if (!dpop) return proofError('resource', 'invalid_token', 'a DPoP-bound token must be sent with the DPoP scheme');
  if (takeScenario(ctx.control, 'dpop_nonce', ctx.profile.id, record.clientId))
    requireNonce(ctx.state.dpop, record.clientId);
  const jkt = await checkProof(ctx, ctx.state.dpop, request, 'resource', record.clientId, token);
  if (jkt instanceof Response) return jkt;
  return jkt === record.jkt
    ? undefined
    : proofError(
        'resource',
        'invalid_dpop_proof',
        jkt === undefined ? 'the DPoP proof is missing' : 'the proof is signed by another key',
      );
}
