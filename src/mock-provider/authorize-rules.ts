import type { EndpointContext } from './context.js';
import { randomId } from './ids.js';
import { activeClient, type Interaction, type MockClient } from './state.js';

/**
 * Whether a redirect URI is one the client registered: exactly, or (panel's
 * `require_exact_redirect_uri: false`) on a registered one's origin with its path as a prefix.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-3.1.2.3
 */
export function redirectAllowed(client: MockClient, uri: string): boolean {
  if (client.redirect_uris.includes(uri)) return true;
  if (client.require_exact_redirect_uri !== false || !URL.canParse(uri)) return false;
  const asked = new URL(uri);
  return client.redirect_uris.some((registered) => {
    const base = new URL(registered);
    const prefix = base.pathname.endsWith('/') ? base.pathname : `${base.pathname}/`;
    return (
      asked.origin === base.origin &&
      !asked.hash &&
      (asked.pathname === base.pathname || asked.pathname.startsWith(prefix))
    );
  });
}

/**
 * The scope to grant: the requested one (the profile's default when none), plus the profile's
 * default scopes; `undefined` when the client may not have one of them.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-3.3
 */
export function grantedScope(
  ctx: EndpointContext,
  client: MockClient,
  requested: string | undefined,
): string | undefined {
  const scopes = new Set((requested ?? ctx.settings.defaultScope ?? 'openid').split(' ').filter(Boolean));
  for (const definition of ctx.settings.scopes ?? []) if (definition.default) scopes.add(definition.id);
  const allowed = new Set(client.scope.split(' '));
  return [...scopes].every((scope) => allowed.has(scope)) ? [...scopes].join(' ') : undefined;
}

/** Why an authorization request was refused: on a page when no redirect is safe, else back at the redirect URI. */
export interface Refusal {
  error: string;
  description: string;
  back?: Pick<Interaction, 'redirectUri' | 'state' | 'responseType'>;
}

/**
 * Checks an authorization request's parameters, as the authorization endpoint and pushed
 * authorization requests (RFC 9126 §2.1) both must; an unknown client or unregistered redirect URI
 * is refused without a way back.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1
 */
export function checkAuthorizationRequest(
  ctx: EndpointContext,
  params: Map<string, string>,
): { client: MockClient; interaction: Interaction } | Refusal {
  const client = activeClient(ctx.state, params.get('client_id'));
  if (!client) return { error: 'invalid_client', description: 'this client is not registered' };
  const redirectUri = params.get('redirect_uri') ?? '';
  if (!redirectAllowed(client, redirectUri))
    return { error: 'invalid_request', description: 'redirect_uri is not registered for this client' };
  const state = params.get('state');
  const responseType = params.get('response_type') ?? '';
  const implicit = responseType === 'token' || responseType === 'id_token token';
  const fail = (error: string, description: string): Refusal => ({
    error,
    description,
    back: { redirectUri, state, responseType: implicit ? 'token' : 'code' },
  });

  if (
    !(responseType === 'code' || (implicit && ctx.profile.flows.includes('implicit'))) ||
    !client.response_types.includes(responseType)
  ) {
    return fail('unsupported_response_type', `this client may not use response_type=${responseType}`);
  }
  if (state === undefined && client.enforce_state_validation) return fail('invalid_request', 'state is required');
  const scope = grantedScope(ctx, client, params.get('scope'));
  if (scope === undefined) return fail('invalid_scope', 'a requested scope is not allowed');
  // OpenID Connect Core §3.2.2.1: the implicit flow's id_token needs openid and a nonce.
  if (responseType === 'id_token token' && !(scope.split(' ').includes('openid') && params.get('nonce'))) {
    return fail('invalid_request', 'response_type=id_token token needs the openid scope and a nonce');
  }
  // A provider without PKCE ignores code_challenge from a confidential client; a public client always needs it.
  const pkce = !implicit && (ctx.profile.pkce || client.token_endpoint_auth_method === 'none');
  const challenge = pkce ? params.get('code_challenge') : undefined;
  const method = params.get('code_challenge_method');
  if (pkce && (challenge !== undefined || client.token_endpoint_auth_method === 'none')) {
    if (method !== 'S256') return fail('invalid_request', 'PKCE with code_challenge_method=S256 is required');
    if (!challenge || !/^[A-Za-z0-9_-]{43}$/.test(challenge))
      return fail('invalid_request', 'code_challenge is malformed');
  }
  const interaction = {
    id: randomId(),
    clientId: client.client_id,
    redirectUri,
    state,
    scope,
    nonce: params.get('nonce'),
    codeChallenge: challenge,
    createdAt: ctx.now(),
    responseType: implicit ? (responseType as 'token' | 'id_token token') : ('code' as const),
    audience: params.get('audience'),
  };
  return { client, interaction };
}
