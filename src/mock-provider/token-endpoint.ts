import type { EndpointContext } from './context.js';
import { takeScenario } from './control.js';
import { errorResponse } from './error-response.js';
import { checkProof, requireNonce } from './dpop.js';
import { tokenFaultResponse } from './faults.js';
import { randomId, sha256 } from './ids.js';
import { formOf, json, noStore, singleParams } from './responses.js';
import { authenticateClient } from './client-authentication.js';
import type { MockClient } from './state.js';
import { issueTokens, revokeFamily } from './issue-tokens.js';

/**
 * The token endpoint, for the authorization_code, refresh_token and client_credentials grants; a
 * profile's extra parameters (gearcode's `resource_id`) must carry what its profile says.
 * A profile without `grant_type` (phpapi) exchanges codes only.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.3
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.4.2
 */
export async function token(ctx: EndpointContext, request: Request): Promise<Response> {
  const form = await formOf(request);
  if (!form) return errorResponse(ctx, 'invalid_request', 'send an application/x-www-form-urlencoded body');
  const params = singleParams(form);
  if (!params) return errorResponse(ctx, 'invalid_request', 'a parameter is repeated');
  const client = authenticateClient(ctx, request, params);
  if (client instanceof Response) return client;
  const scenario = takeScenario(ctx.control, 'token', ctx.profile.id, client.client_id);
  if (scenario?.delay) await new Promise((resolve) => setTimeout(resolve, scenario.delay));
  if (scenario?.fault) return tokenFaultResponse(scenario.fault, scenario.retryAfter, ctx.now());
  for (const [name, value] of Object.entries(ctx.profile.tokenParams?.(client.client_id) ?? {})) {
    if (params.get(name) !== value) return errorResponse(ctx, 'invalid_request', `${name} must be ${value}`);
  }
  if (takeScenario(ctx.control, 'dpop_nonce', ctx.profile.id, client.client_id))
    requireNonce(ctx.state.dpop, client.client_id);
  const proven = await checkProof(ctx, ctx.state.dpop, request, 'token', client.client_id);
  if (proven instanceof Response) return proven;
  // A provider that ignores DPoP: the proof still opens a bound refresh token, but what it issues is Bearer.
  const jkt = scenario?.ignoreDpop ? undefined : proven;
  const grant = ctx.profile.grantTypeParam ? params.get('grant_type') : 'authorization_code';
  // RFC 6749 §5.2: a missing parameter is invalid_request; unsupported_grant_type is for a grant the server does not know.
  if (!grant) return errorResponse(ctx, 'invalid_request', 'grant_type is required');
  if (grant === 'authorization_code' && client.grant_types.includes(grant))
    return exchangeCode(ctx, client, params, jkt);
  if (grant === 'refresh_token' && client.grant_types.includes(grant) && ctx.profile.refresh)
    return refresh(ctx, client, params, jkt, proven);
  if (grant === 'client_credentials' && client.grant_types.includes(grant)) {
    const granted = {
      clientId: client.client_id,
      sub: client.client_id,
      scope: client.scope,
      authTime: Math.floor(ctx.now() / 1000),
      family: randomId(12),
    };
    return json(await issueTokens(ctx, client, granted, { idToken: false, refresh: false, jkt }), 200, noStore);
  }
  return errorResponse(ctx, 'unsupported_grant_type', `grant_type ${grant ?? '(none)'} is not allowed for this client`);
}

async function exchangeCode(
  ctx: EndpointContext,
  client: MockClient,
  params: Map<string, string>,
  jkt: string | undefined,
): Promise<Response> {
  if (!params.get('code')) return errorResponse(ctx, 'invalid_request', 'code is required');
  const code = ctx.state.codes.get(params.get('code') ?? '');
  const invalid = (why: string): Response => errorResponse(ctx, 'invalid_grant', why);
  if (!code) return invalid('the code is unknown');
  if (code.used) {
    // RFC 6749 §4.1.2: a code used twice revokes what its first use issued.
    revokeFamily(ctx.state, code.family);
    ctx.state.codes.delete(params.get('code') ?? '');
    return invalid('the code was already used');
  }
  if (code.expiresAt <= ctx.now()) return invalid('the code has expired');
  if (code.clientId !== client.client_id) return invalid('the code was issued to another client');
  const redirectUri = params.get('redirect_uri');
  if ((redirectUri !== undefined || ctx.settings.tokenRedirectUri !== false) && redirectUri !== code.redirectUri) {
    return invalid('redirect_uri differs from the authorization request');
  }
  const verifier = params.get('code_verifier');
  if (code.codeChallenge !== undefined) {
    if (!verifier || !/^[A-Za-z0-9\-._~]{43,128}$/.test(verifier) || (await sha256(verifier)) !== code.codeChallenge) {
      return invalid('code_verifier does not match the code_challenge');
    }
  } else if (verifier !== undefined && ctx.profile.pkce) {
    return invalid('code_verifier sent for a request without code_challenge');
  }
  code.used = true;
  return json(await issueTokens(ctx, client, code, { nonce: code.nonce, idToken: true, jkt }), 200, noStore);
}

/**
 * The refresh_token grant with rotation: a refresh token works once; a second use revokes its whole family.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-6
 * @see https://www.rfc-editor.org/rfc/rfc9700#section-4.14.2
 */
async function refresh(
  ctx: EndpointContext,
  client: MockClient,
  params: Map<string, string>,
  jkt: string | undefined,
  proven: string | undefined,
): Promise<Response> {
  const token = params.get('refresh_token') ?? '';
  const record = ctx.state.refreshTokens.get(token);
  const invalid = (why: string): Response => errorResponse(ctx, 'invalid_grant', why);
  if (!record || record.clientId !== client.client_id) return invalid('the refresh token is unknown');
  if (record.used) {
    revokeFamily(ctx.state, record.family);
    return invalid('the refresh token was already used; every token of this sign-in is revoked');
  }
  if (record.revoked || record.expiresAt <= ctx.now()) return invalid('the refresh token is revoked or expired');
  if (record.jkt !== undefined && record.jkt !== proven)
    return invalid('the refresh token is bound to another DPoP key');
  const requested = params.get('scope');
  const granted = record.scope.split(' ');
  if (requested !== undefined && !requested.split(' ').every((scope) => granted.includes(scope))) {
    return errorResponse(ctx, 'invalid_scope', 'a refresh cannot widen the grant');
  }
  record.used = true;
  return json(
    await issueTokens(ctx, client, { ...record, scope: requested ?? record.scope }, { idToken: true, jkt }),
    200,
    noStore,
  );
}
