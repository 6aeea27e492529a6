import { compactVerify, createLocalJWKSet } from 'jose';
import { errorPage } from './consent-page.js';
import { withHeaders, type EndpointContext } from './context.js';
import { escapeHtml, html, redirect, singleParams } from './responses.js';
import { endSession } from './session.js';
import { activeClient } from './state.js';

/** The claims of an id_token this provider signed, expired or not; `undefined` for any other token. */
async function idTokenClaims(ctx: EndpointContext, token: string): Promise<Record<string, unknown> | undefined> {
  try {
    const keys = createLocalJWKSet({ keys: (await Promise.all(ctx.control.keys)).map((key) => key.publicJwk) });
    const { payload, protectedHeader } = await compactVerify(token, keys, { algorithms: ['ES256'] });
    const claims: unknown = JSON.parse(new TextDecoder().decode(payload));
    if (protectedHeader.typ === 'at+jwt' || claims === null || typeof claims !== 'object') return undefined;
    const issuer = ctx.settings.idTokenIssuer?.(ctx.issuer) ?? ctx.issuer;
    return (claims as Record<string, unknown>)['iss'] === issuer ? (claims as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The page shown after signing out when the application asked for no way back. */
function signedOutPage(issuer: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Signed out</title></head>
<body><h1>Signed out</h1><p>You are signed out of ${escapeHtml(issuer)}.</p></body></html>`;
}

/**
 * RP-Initiated Logout: ends the provider session, then sends the user to a `post_logout_redirect_uri`
 * the client registered (its `redirect_uris` do not count), with `state`, or shows a "signed out" page.
 * @see https://openid.net/specs/openid-connect-rpinitiated-1_0.html#RPLogout
 */
export async function endSessionEndpoint(ctx: EndpointContext, request: Request): Promise<Response> {
  const params = singleParams(new URL(request.url).searchParams);
  const refuse = (description: string): Response => html(errorPage('invalid_request', description), 400);
  if (!params) return refuse('a parameter is repeated');
  const hint = params.get('id_token_hint');
  const claims = hint === undefined ? undefined : await idTokenClaims(ctx, hint);
  if (hint !== undefined && !claims) return refuse('id_token_hint was not issued by this provider');
  const named = params.get('client_id');
  const audience = claims?.['aud'];
  if (named !== undefined && audience !== undefined && audience !== named)
    return refuse('client_id is not the audience of id_token_hint');
  const target = params.get('post_logout_redirect_uri');
  if (target !== undefined) {
    const client = activeClient(ctx.state, named ?? (typeof audience === 'string' ? audience : undefined));
    if (!client) return refuse('post_logout_redirect_uri needs id_token_hint or client_id');
    if (!client.post_logout_redirect_uris?.includes(target))
      return refuse('post_logout_redirect_uri is not registered for this client');
  }
  const response =
    target === undefined ? html(signedOutPage(ctx.issuer)) : redirect(target, { state: params.get('state') });
  return withHeaders(response, { 'set-cookie': endSession(ctx, request) });
}
