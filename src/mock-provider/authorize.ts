import { checkAuthorizationRequest } from './authorize-rules.js';
import { consentPage, errorPage } from './consent-page.js';
import { takeScenario } from './control.js';
import { withHeaders, type EndpointContext } from './context.js';
import { randomId } from './ids.js';
import { formOf, html, redirect, singleParams } from './responses.js';
import { recordConsent, silentSignIn, startSession } from './session.js';
import { spendPushedRequest, takePushedRequest } from './par.js';
import type { Interaction } from './state.js';
import { issueTokens } from './issue-tokens.js';

const interactionLifetime = 10 * 60_000;
const codeLifetime = 60_000;

/**
 * The authorization endpoint: checks the request (or the one pushed before, RFC 9126), then shows
 * the consent page. An unknown client or unregistered redirect URI gets a page, never a redirect.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1
 */
export async function authorize(ctx: EndpointContext, request: Request): Promise<Response> {
  const query = singleParams(new URL(request.url).searchParams);
  if (!query) return html(errorPage('invalid_request', 'a parameter is repeated'), 400);
  const params = takePushedRequest(ctx, query);
  if ('error' in params) return html(errorPage(params.error, params.description), 400);
  const checked = checkAuthorizationRequest(ctx, params);
  if ('error' in checked) {
    return checked.back
      ? sendBack(ctx, checked.back, { error: checked.error, error_description: checked.description })
      : html(errorPage(checked.error, checked.description), 400);
  }
  const { client, interaction } = checked;
  const requestUri = query.get('request_uri');
  if (requestUri !== undefined) interaction.requestUri = requestUri;
  const fail = (error: string, description: string): Response =>
    sendBack(ctx, interaction, { error, error_description: description });
  const scope = interaction.scope;
  const signInAs = takeScenario(ctx.control, 'authorization', ctx.profile.id, client.client_id);
  const scripted = signInAs && ctx.state.users.find((user) => user.sub === signInAs.signInAs);
  if (scripted) return issueCode(ctx, interaction, scripted.sub);
  const silent = silentSignIn(ctx, request, client.client_id, scope, params.get('prompt'));
  if (silent && 'error' in silent) return fail(silent.error, silent.description);
  if (silent) return issueCode(ctx, interaction, silent.sub, silent.authTime);
  ctx.state.interactions.set(interaction.id, interaction);
  const consentScenario = takeScenario(ctx.control, 'consent', ctx.profile.id, client.client_id);
  const page = html(
    consentPage({
      action: `${new URL(ctx.issuer).pathname}${ctx.profile.endpoints?.authorization ?? '/authorize'}/decision`,
      interaction,
      client,
      users: ctx.state.users,
      consentScript: ctx.consentScript,
      scopes: ctx.settings.scopes,
      ...(consentScenario?.then ? { autoStep: { step: consentScenario.then, after: consentScenario.after ?? 0 } } : {}),
    }),
  );
  return consentScenario?.openerPolicy
    ? withHeaders(page, { 'cross-origin-opener-policy': consentScenario.openerPolicy })
    : page;
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
  spendPushedRequest(ctx, interaction.requestUri);
  if (params.get('decision') !== 'approve') {
    return sendBack(ctx, interaction, { error: 'access_denied', error_description: 'the user denied the request' });
  }
  const user = ctx.state.users.find((candidate) => candidate.sub === params.get('user')) ?? ctx.state.users[0];
  if (!user) return html(errorPage('server_error', 'no user to sign in as'), 500);
  const granted = grantedOf(ctx, interaction.scope, params.get('scope'));
  recordConsent(ctx, user.sub, interaction.clientId, granted);
  return withHeaders(await issueCode(ctx, { ...interaction, scope: granted }, user.sub), {
    'set-cookie': startSession(ctx, user.sub),
  });
}

/** A partial grant from the consent page narrows the requested scope, never widens it; `openid` and the profile's default scopes stay. */
function grantedOf(ctx: EndpointContext, requested: string, granted: string | undefined): string {
  if (granted === undefined) return requested;
  const kept = new Set(granted.split(' '));
  for (const definition of ctx.settings.scopes ?? []) if (definition.default) kept.add(definition.id);
  return requested
    .split(' ')
    .filter((scope) => scope === 'openid' || kept.has(scope))
    .join(' ');
}

/** Sends the user back with `params`, and `state` and `iss` where the profile returns them; in the fragment for implicit. */
function sendBack(
  ctx: EndpointContext,
  to: Pick<Interaction, 'redirectUri' | 'state' | 'responseType'>,
  params: Record<string, string>,
): Response {
  const echoed = {
    state: ctx.profile.echoesState ? to.state : undefined,
    iss: ctx.profile.iss ? ctx.issuer : undefined,
  };
  return redirect(
    to.redirectUri,
    { ...params, ...echoed },
    to.responseType === undefined || to.responseType === 'code' ? 'query' : 'fragment',
  );
}

/**
 * Issues a code for an approved interaction and sends the user back with it; for implicit, the access token.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.2.2
 */
async function issueCode(
  ctx: EndpointContext,
  interaction: Interaction,
  sub: string,
  authTime = Math.floor(ctx.now() / 1000),
): Promise<Response> {
  spendPushedRequest(ctx, interaction.requestUri);
  const client = ctx.state.clients.get(interaction.clientId);
  if (interaction.responseType !== undefined && interaction.responseType !== 'code' && client) {
    const grant = {
      clientId: client.client_id,
      sub,
      scope: interaction.scope,
      authTime,
      family: randomId(12),
      audience: interaction.audience,
    };
    // OpenID Connect Core §3.2.2.5: `id_token token` sends the id_token, with the nonce and the access token's at_hash, beside it.
    const withIdToken = interaction.responseType === 'id_token token';
    const body = await issueTokens(ctx, client, grant, {
      idToken: withIdToken,
      nonce: interaction.nonce,
      refresh: false,
    });
    const idToken: Record<string, string> = withIdToken ? { id_token: String(body['id_token']) } : {};
    return sendBack(ctx, interaction, {
      access_token: String(body['access_token']),
      token_type: String(body['token_type']),
      expires_in: String(body['expires_in']),
      ...idToken,
    });
  }
  const code = randomId();
  ctx.state.codes.set(code, {
    clientId: interaction.clientId,
    redirectUri: interaction.redirectUri,
    scope: interaction.scope,
    nonce: interaction.nonce,
    codeChallenge: interaction.codeChallenge,
    sub,
    authTime,
    expiresAt: ctx.now() + codeLifetime,
    used: false,
    family: randomId(12),
    audience: interaction.audience,
  });
  return sendBack(ctx, interaction, { code });
}
