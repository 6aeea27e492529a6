import { consentPage, errorPage } from './consent-page.js';
import { takeScenario } from './control.js';
import type { EndpointContext } from './context.js';
import { randomId } from './ids.js';
import { formOf, html, redirect, singleParams } from './responses.js';
import type { Interaction } from './state.js';

const interactionLifetime = 10 * 60_000;
const codeLifetime = 60_000;

/**
 * The authorization endpoint: checks the request, then shows the consent page.
 * An unknown client or unregistered redirect URI gets a page, never a redirect.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1
 */
export function authorize(ctx: EndpointContext, request: Request): Response {
  const params = singleParams(new URL(request.url).searchParams);
  if (!params) return html(errorPage('invalid_request', 'a parameter is repeated'), 400);
  const client = ctx.state.clients.get(params.get('client_id') ?? '');
  if (!client) return html(errorPage('invalid_client', 'this client is not registered'), 400);
  const redirectUri = params.get('redirect_uri') ?? '';
  if (!client.redirect_uris.includes(redirectUri)) {
    return html(errorPage('invalid_request', 'redirect_uri is not registered for this client'), 400);
  }
  const state = params.get('state');
  const fail = (error: string, description: string): Response =>
    redirect(redirectUri, { error, error_description: description, state, iss: ctx.issuer });

  if (params.get('response_type') !== 'code' || !client.response_types.includes('code')) {
    return fail('unsupported_response_type', 'this client may only use response_type=code');
  }
  const scope = params.get('scope') ?? 'openid';
  const allowed = new Set(client.scope.split(' '));
  if (!scope.split(' ').every((item) => allowed.has(item))) return fail('invalid_scope', 'a requested scope is not allowed');
  const challenge = params.get('code_challenge');
  const method = params.get('code_challenge_method');
  if (challenge !== undefined || client.token_endpoint_auth_method === 'none') {
    if (method !== 'S256') return fail('invalid_request', 'PKCE with code_challenge_method=S256 is required');
    if (!challenge || !/^[A-Za-z0-9_-]{43}$/.test(challenge)) return fail('invalid_request', 'code_challenge is malformed');
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
  };
  const signInAs = takeScenario(ctx.control, 'authorization', ctx.profile.id, client.client_id);
  const scripted = signInAs && ctx.state.users.find((user) => user.sub === signInAs.signInAs);
  if (scripted) return issueCode(ctx, interaction, scripted.sub);
  ctx.state.interactions.set(interaction.id, interaction);
  return html(
    consentPage({
      action: `${new URL(ctx.issuer).pathname}/authorize/decision`,
      interaction,
      client,
      users: ctx.state.users,
      consentScript: ctx.consentScript,
    }),
  );
}

/**
 * The consent page's form: approve issues a code, deny answers `access_denied`; `iss` goes with both.
 * @see https://www.rfc-editor.org/rfc/rfc9207#section-2
 */
export async function decide(ctx: EndpointContext, request: Request): Promise<Response> {
  const form = await formOf(request);
  const params = form && singleParams(form);
  const interaction = ctx.state.interactions.get(params?.get('interaction') ?? '');
  if (!params || !interaction || ctx.now() - interaction.createdAt > interactionLifetime) {
    return html(errorPage('invalid_request', 'this sign-in has expired; start again from the application'), 400);
  }
  ctx.state.interactions.delete(interaction.id);
  const base = { state: interaction.state, iss: ctx.issuer };
  if (params.get('decision') !== 'approve') {
    return redirect(interaction.redirectUri, { ...base, error: 'access_denied', error_description: 'the user denied the request' });
  }
  const user = ctx.state.users.find((candidate) => candidate.sub === params.get('user')) ?? ctx.state.users[0];
  if (!user) return html(errorPage('server_error', 'no user to sign in as'), 500);
  return issueCode(ctx, interaction, user.sub);
}

/** Issues a code for an approved interaction and sends the user back with it, `state` and `iss`. */
function issueCode(ctx: EndpointContext, interaction: Interaction, sub: string): Response {
  const code = randomId();
  ctx.state.codes.set(code, {
    clientId: interaction.clientId,
    redirectUri: interaction.redirectUri,
    scope: interaction.scope,
    nonce: interaction.nonce,
    codeChallenge: interaction.codeChallenge,
    sub,
    authTime: Math.floor(ctx.now() / 1000),
    expiresAt: ctx.now() + codeLifetime,
    used: false,
    family: randomId(12),
  });
  return redirect(interaction.redirectUri, { state: interaction.state, iss: ctx.issuer, code });
}
