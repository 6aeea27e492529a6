import { errorPage } from './consent-page.js';
import { withHeaders } from './context.js';
import type { Endpoint } from './profiles/mock-profile.js';
import { html, redirect, singleParams } from './responses.js';
import { endSession } from './session.js';
import { activeClient } from './state.js';

/**
 * A vendor's own logout endpoint, outside its metadata: ends the provider session, then sends the
 * user to the return address named by `returnTo` (Auth0's `returnTo`, Cognito's `logout_uri`) when
 * the client named by `client_id` registered it as a post-logout redirect URI.
 * @see https://auth0.com/docs/api/authentication/logout/auth-0-logout
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/logout-endpoint.html
 */
export function vendorLogout(names: { returnTo: string; returnToRequired?: boolean }): Endpoint {
  return (ctx, request) => {
    const params = singleParams(new URL(request.url).searchParams);
    const refuse = (description: string): Response => html(errorPage('invalid_request', description), 400);
    if (!params) return refuse('a parameter is repeated');
    const client = activeClient(ctx.state, params.get('client_id'));
    const target = params.get(names.returnTo);
    if (!client) return refuse('client_id names no client');
    if (target === undefined && names.returnToRequired) return refuse(`${names.returnTo} is required`);
    if (target !== undefined && !client.post_logout_redirect_uris?.includes(target))
      return refuse(`${names.returnTo} is not an allowed sign-out URL of this client`);
    const response =
      target === undefined ? html('<!doctype html><title>Signed out</title><p>OK</p>') : redirect(target, {});
    return withHeaders(response, { 'set-cookie': endSession(ctx, request) });
  };
}
