import { createLocalJWKSet, decodeJwt, jwtVerify } from 'jose';
import type { EndpointContext } from './context.js';
import { bindingRefusal } from './dpop.js';
import { errorResponse } from './error-response.js';
import type { Endpoint } from './profiles/mock-profile.js';
import { formOf, json, singleParams } from './responses.js';
import { activeClient, type AccessTokenRecord, type MockUser } from './state.js';
import { claimsFor, revokeFamily } from './issue-tokens.js';

/** The live record of an access token this provider signed, or `undefined`: revoked, expired, or its client gone or disabled. */
export async function accessTokenRecord(ctx: EndpointContext, token: string): Promise<AccessTokenRecord | undefined> {
  try {
    const keys = createLocalJWKSet({ keys: (await Promise.all(ctx.control.keys)).map((key) => key.publicJwk) });
    const { payload } = await jwtVerify(token, keys, {
      issuer: ctx.issuer,
      typ: 'at+jwt',
      currentDate: new Date(ctx.now()),
    });
    const record = ctx.state.accessTokens.get(String(payload.jti));
    const live = record && !record.revoked && record.expiresAt > ctx.now() && activeClient(ctx.state, record.clientId);
    return live ? record : undefined;
  } catch {
    return undefined;
  }
}

/** What a protected resource answers for a live token: a body for a JSON 200, or a whole response. */
export type ResourceAnswer = (ctx: EndpointContext, record: AccessTokenRecord, user: MockUser | undefined) => unknown;

/** How a protected resource refuses a request; the RFC 6750 challenge unless a profile has its own envelope. */
export type ResourceRefusal = (ctx: EndpointContext, error: string, description: string, status: number) => Response;

const challenge: ResourceRefusal = (ctx, error, description, status) =>
  errorResponse(ctx, error, description, status, {
    'www-authenticate': `Bearer realm="${ctx.issuer}"${error === 'invalid_request' ? '' : `, error="${error}"`}`,
  });

/**
 * A protected resource: the access token where the profile sends it (the Authorization header, or
 * panel's `access_token` query parameter), checked live, with one of the given scopes when one is required.
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-2
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3.1
 */
export function protectedResource(
  answer: ResourceAnswer,
  options: { scope?: string | string[]; refuse?: ResourceRefusal } = {},
): Endpoint {
  const anyOf = options.scope === undefined ? [] : [options.scope].flat();
  const refuse = options.refuse ?? challenge;
  return async (ctx, request) => {
    const query = singleParams(new URL(request.url).searchParams);
    const [, scheme = 'Bearer', inHeader] =
      /^(Bearer|DPoP) ([\w.~+/-]+=*)$/i.exec(request.headers.get('authorization') ?? '') ?? [];
    const token = ctx.profile.userinfo?.token === 'query' ? query?.get('access_token') : inHeader;
    if (!token) return refuse(ctx, 'invalid_request', 'an access token is required', 401);
    const record = await accessTokenRecord(ctx, token);
    if (!record) return refuse(ctx, 'invalid_token', 'the access token is invalid or expired', 401);
    const unbound = await bindingRefusal(ctx, request, record, token, scheme);
    if (unbound) return unbound;
    if (anyOf.length > 0 && !record.scope.split(' ').some((scope) => anyOf.includes(scope))) {
      return refuse(ctx, 'insufficient_scope', `this resource needs the scope ${anyOf.join(' or ')}`, 403);
    }
    const body = answer(
      ctx,
      record,
      ctx.state.users.find((candidate) => candidate.sub === record.sub),
    );
    return body instanceof Response ? body : json(body);
  };
}

/**
 * The userinfo endpoint, with the token in the Authorization header.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#UserInfo
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-3
 */
export const userinfo = protectedResource((_ctx, record, user) => ({
  sub: record.sub,
  ...claimsFor(user, record.scope),
}));

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
