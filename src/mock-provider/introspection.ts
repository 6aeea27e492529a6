import { decodeJwt } from 'jose';
import type { EndpointContext } from './context.js';
import { accessTokenRecord } from './resource-endpoints.js';
import { formOf, json, noStore, oauthError, singleParams } from './responses.js';
import { activeClient } from './state.js';
import { authenticateClient } from './client-authentication.js';

/** What introspection tells of a live token, or `undefined` when the token is not live. */
async function tokenFacts(ctx: EndpointContext, token: string): Promise<Record<string, unknown> | undefined> {
  const access = await accessTokenRecord(ctx, token);
  if (access) {
    const { iat, exp } = decodeJwt(token);
    return {
      scope: access.scope,
      client_id: access.clientId,
      sub: access.sub,
      exp,
      iat,
      token_type: 'Bearer',
      iss: ctx.issuer,
    };
  }
  const refresh = ctx.state.refreshTokens.get(token);
  if (
    !refresh ||
    refresh.used ||
    refresh.revoked ||
    refresh.expiresAt <= ctx.now() ||
    !activeClient(ctx.state, refresh.clientId)
  )
    return undefined;
  return {
    scope: refresh.scope,
    client_id: refresh.clientId,
    sub: refresh.sub,
    exp: Math.floor(refresh.expiresAt / 1000),
    iss: ctx.issuer,
  };
}

/**
 * Token introspection: a confidential client learns of any token, a public client of its own only;
 * every other token, and any token unknown, expired, revoked or of a client gone, is `{"active": false}`.
 * @see https://www.rfc-editor.org/rfc/rfc7662#section-2
 */
export async function introspect(ctx: EndpointContext, request: Request): Promise<Response> {
  const form = await formOf(request);
  const params = form && singleParams(form);
  if (!params)
    return oauthError('invalid_request', 'send an application/x-www-form-urlencoded body, each parameter once');
  const client = authenticateClient(ctx, request, params);
  if (client instanceof Response) return client;
  const token = params.get('token');
  if (!token) return oauthError('invalid_request', 'token is required');
  const facts = await tokenFacts(ctx, token);
  const visible =
    facts !== undefined && (client.token_endpoint_auth_method !== 'none' || facts['client_id'] === client.client_id);
  return json(visible ? { active: true, ...facts } : { active: false }, 200, noStore);
}
