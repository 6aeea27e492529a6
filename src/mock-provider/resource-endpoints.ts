import { createLocalJWKSet, decodeJwt, jwtVerify } from 'jose';
import type { EndpointContext } from './context.js';
import { takeScenario } from './control.js';
import { checkProof, proofError, requireNonce } from './dpop.js';
import { formOf, json, singleParams } from './responses.js';
import type { AccessTokenRecord } from './state.js';
import { claimsFor, revokeFamily } from './tokens.js';

/** The live record of an access token this provider signed, or `undefined`. */
export async function accessTokenRecord(ctx: EndpointContext, token: string): Promise<AccessTokenRecord | undefined> {
  try {
    const keys = createLocalJWKSet({ keys: (await Promise.all(ctx.control.keys)).map((key) => key.publicJwk) });
    const { payload } = await jwtVerify(token, keys, { issuer: ctx.issuer, typ: 'at+jwt', currentDate: new Date(ctx.now()) });
    const record = ctx.state.accessTokens.get(String(payload.jti));
    return record && !record.revoked && record.expiresAt > ctx.now() ? record : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The live record of the access token a resource request carries in its Authorization header: a
 * Bearer token, or a DPoP-bound one with a proof of its key. A bound token sent as Bearer, a proof
 * by another key or a replayed proof is refused with a 401 challenge.
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-7.1
 */
export async function authorizedRecord(ctx: EndpointContext, request: Request): Promise<AccessTokenRecord | Response> {
  const [, scheme = '', token] = /^(Bearer|DPoP) ([\w.~+/-]+=*)$/i.exec(request.headers.get('authorization') ?? '') ?? [];
  const challenge = (error?: string): Record<string, string> => ({
    'www-authenticate': `Bearer realm="${ctx.issuer}"${error ? `, error="${error}"` : ''}`,
  });
  if (!token) return json({ error: 'invalid_request' }, 401, challenge());
  const record = await accessTokenRecord(ctx, token);
  if (!record) return json({ error: 'invalid_token' }, 401, challenge('invalid_token'));
  const dpop = scheme.toLowerCase() === 'dpop';
  if (record.jkt === undefined) return dpop ? proofError('resource', 'invalid_token', 'this token is not DPoP-bound') : record;
  if (!dpop) return proofError('resource', 'invalid_token', 'a DPoP-bound token must be sent with the DPoP scheme');
  if (takeScenario(ctx.control, 'dpop_nonce', ctx.profile.id, record.clientId)) requireNonce(ctx.state.dpop, record.clientId);
  const jkt = await checkProof(ctx, ctx.state.dpop, request, 'resource', record.clientId, token);
  if (jkt instanceof Response) return jkt;
  if (jkt !== record.jkt) return proofError('resource', 'invalid_dpop_proof', jkt === undefined ? 'the DPoP proof is missing' : 'the proof is signed by another key');
  return record;
}

/**
 * The userinfo endpoint, with the token in the Authorization header.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#UserInfo
 */
export async function userinfo(ctx: EndpointContext, request: Request): Promise<Response> {
  const record = await authorizedRecord(ctx, request);
  if (record instanceof Response) return record;
  const user = ctx.state.users.find((candidate) => candidate.sub === record.sub);
  return json({ sub: record.sub, ...claimsFor(user, record.scope) });
}

/**
 * Revocation: any token of the calling client is revoked; the answer is 200 whatever the token.
 * @see https://www.rfc-editor.org/rfc/rfc7009#section-2.2
 */
export async function revoke(ctx: EndpointContext, request: Request): Promise<Response> {
  const form = await formOf(request);
  const params = form && singleParams(form);
  if (!params?.get('token')) return json({ error: 'invalid_request', error_description: 'token is required' }, 400);
  const token = params.get('token') ?? '';
  const refresh = ctx.state.refreshTokens.get(token);
  if (refresh) {
    // RFC 7009 §2.1: revoking a refresh token also revokes the access tokens of its grant.
    if (refresh.clientId === params.get('client_id')) revokeFamily(ctx.state, refresh.family);
    return new Response(null, { status: 200 });
  }
  try {
    const record = ctx.state.accessTokens.get(String(decodeJwt(token).jti));
    if (record && record.clientId === params.get('client_id')) record.revoked = true;
  } catch {
    // An unknown or malformed token is "revoked" already (RFC 7009 §2.2).
  }
  return new Response(null, { status: 200 });
}
