import { createLocalJWKSet, decodeJwt, jwtVerify } from 'jose';
import type { EndpointContext } from './context.js';
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
 * The userinfo endpoint, with the token in the Authorization header.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#UserInfo
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3
 */
export async function userinfo(ctx: EndpointContext, request: Request): Promise<Response> {
  const token = request.headers.get('authorization')?.match(/^Bearer ([\w.~+/-]+=*)$/i)?.[1];
  const challenge = (error?: string): Record<string, string> => ({
    'www-authenticate': `Bearer realm="${ctx.issuer}"${error ? `, error="${error}"` : ''}`,
  });
  if (!token) return json({ error: 'invalid_request' }, 401, challenge());
  const record = await accessTokenRecord(ctx, token);
  if (!record) return json({ error: 'invalid_token' }, 401, challenge('invalid_token'));
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
