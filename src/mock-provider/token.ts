import type { EndpointContext } from './context.js';
import { randomId, sha256 } from './ids.js';
import { signJwt } from './keys.js';
import { formOf, json, noStore, oauthError, singleParams } from './responses.js';
import type { AuthorizationCode, MockClient } from './state.js';

const accessTokenLifetime = 3600;

/**
 * The client a token request authenticates as: a public client by its id, a confidential one
 * by `client_secret_basic` or `client_secret_post`.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1
 */
export function authenticateClient(ctx: EndpointContext, request: Request, params: Map<string, string>): MockClient | Response {
  const unauthorized = (): Response => oauthError('invalid_client', 'client authentication failed', 401);
  let clientId = params.get('client_id');
  let secret = params.get('client_secret');
  const basic = request.headers.get('authorization')?.match(/^Basic (.+)$/i)?.[1];
  if (basic) {
    if (secret !== undefined) return oauthError('invalid_request', 'use one client authentication method');
    const [id = '', password = ''] = atob(basic).split(':').map(decodeURIComponent);
    if (clientId !== undefined && clientId !== id) return unauthorized();
    clientId = id;
    secret = password;
  }
  const client = ctx.state.clients.get(clientId ?? '');
  if (!client) return unauthorized();
  if (client.token_endpoint_auth_method === 'none') return secret === undefined ? client : unauthorized();
  return client.client_secret !== undefined && secret === client.client_secret ? client : unauthorized();
}

/**
 * The token endpoint, for the authorization_code grant.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.3
 */
export async function token(ctx: EndpointContext, request: Request): Promise<Response> {
  const form = await formOf(request);
  if (!form) return oauthError('invalid_request', 'send an application/x-www-form-urlencoded body');
  const params = singleParams(form);
  if (!params) return oauthError('invalid_request', 'a parameter is repeated');
  const client = authenticateClient(ctx, request, params);
  if (client instanceof Response) return client;
  const grant = params.get('grant_type');
  if (grant === 'authorization_code' && client.grant_types.includes(grant)) return exchangeCode(ctx, client, params);
  return oauthError('unsupported_grant_type', `grant_type ${grant ?? '(none)'} is not allowed for this client`);
}

async function exchangeCode(ctx: EndpointContext, client: MockClient, params: Map<string, string>): Promise<Response> {
  const code = ctx.state.codes.get(params.get('code') ?? '');
  const invalid = (why: string): Response => oauthError('invalid_grant', why);
  if (!code) return invalid('the code is unknown');
  if (code.issued) {
    // RFC 6749 §4.1.2: a code used twice revokes what its first use issued.
    for (const id of code.issued) {
      const record = ctx.state.accessTokens.get(id);
      if (record) record.revoked = true;
    }
    ctx.state.codes.delete(params.get('code') ?? '');
    return invalid('the code was already used');
  }
  if (code.expiresAt <= ctx.now()) return invalid('the code has expired');
  if (code.clientId !== client.client_id) return invalid('the code was issued to another client');
  if (params.get('redirect_uri') !== code.redirectUri) return invalid('redirect_uri differs from the authorization request');
  const verifier = params.get('code_verifier');
  if (code.codeChallenge !== undefined) {
    if (!verifier || !/^[A-Za-z0-9\-._~]{43,128}$/.test(verifier) || (await sha256(verifier)) !== code.codeChallenge) {
      return invalid('code_verifier does not match the code_challenge');
    }
  } else if (verifier !== undefined) {
    return invalid('code_verifier sent for a request without code_challenge');
  }
  code.issued = [];
  const body = await issueTokens(ctx, client, code);
  code.issued.push(body.jti);
  const { jti: _jti, ...response } = body;
  return json(response, 200, noStore);
}

async function issueTokens(ctx: EndpointContext, client: MockClient, code: AuthorizationCode): Promise<Record<string, unknown> & { jti: string }> {
  const key = await ctx.signingKey();
  const now = Math.floor(ctx.now() / 1000);
  const jti = randomId(16);
  ctx.state.accessTokens.set(jti, { id: jti, clientId: client.client_id, sub: code.sub, scope: code.scope, expiresAt: (now + accessTokenLifetime) * 1000, revoked: false });
  const accessToken = await signJwt(
    key,
    { iss: ctx.issuer, sub: code.sub, aud: ctx.issuer, client_id: client.client_id, scope: code.scope, jti, iat: now, exp: now + accessTokenLifetime },
    'at+jwt',
  );
  const body: Record<string, unknown> & { jti: string } = { jti, access_token: accessToken, token_type: 'Bearer', expires_in: accessTokenLifetime, scope: code.scope };
  if (code.scope.split(' ').includes('openid')) {
    const user = ctx.state.users.find((candidate) => candidate.sub === code.sub);
    const atHash = (await sha256(accessToken)).slice(0, 22);
    body['id_token'] = await signJwt(key, {
      ...claimsFor(user, code.scope),
      iss: ctx.issuer,
      sub: code.sub,
      aud: client.client_id,
      iat: now,
      exp: now + accessTokenLifetime,
      auth_time: code.authTime,
      at_hash: atHash,
      ...(code.nonce === undefined ? {} : { nonce: code.nonce }),
    });
  }
  return body;
}

/** The claims a user releases for the granted scopes. @see https://openid.net/specs/openid-connect-core-1_0.html#ScopeClaims */
export function claimsFor(user: Record<string, unknown> | undefined, scope: string): Record<string, unknown> {
  if (!user) return {};
  const scopes = scope.split(' ');
  const pick = (names: string[]): Record<string, unknown> =>
    Object.fromEntries(names.filter((name) => user[name] !== undefined).map((name) => [name, user[name]]));
  return {
    ...(scopes.includes('profile') ? pick(['name', 'given_name', 'family_name', 'preferred_username', 'picture', 'locale']) : {}),
    ...(scopes.includes('email') ? pick(['email', 'email_verified']) : {}),
  };
}
