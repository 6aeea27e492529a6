import { checkAuthorizationRequest, type Refusal } from './authorize-rules.js';
import type { EndpointContext } from './context.js';
import { randomId } from './ids.js';
import { formOf, json, noStore, oauthError, singleParams } from './responses.js';
import { activeClient } from './state.js';
import { authenticateClient } from './client-authentication.js';

const prefix = 'urn:ietf:params:oauth:request_uri:';
const lifetime = 60;

/**
 * The pushed authorization request endpoint: the client authenticates and posts what it would
 * send to the authorization endpoint; checked the same way, kept for 60 s, used once.
 * @see https://www.rfc-editor.org/rfc/rfc9126#section-2
 */
export async function pushAuthorizationRequest(ctx: EndpointContext, request: Request): Promise<Response> {
  const form = await formOf(request);
  if (!form) return oauthError('invalid_request', 'send an application/x-www-form-urlencoded body');
  const params = singleParams(form);
  if (!params) return oauthError('invalid_request', 'a parameter is repeated');
  const client = authenticateClient(ctx, request, params);
  if (client instanceof Response) return client;
  if (params.has('request_uri')) return oauthError('invalid_request', 'request_uri may not be pushed (RFC 9126 §2.1)');
  params.delete('client_secret');
  const checked = checkAuthorizationRequest(ctx, new Map([...params, ['client_id', client.client_id]]));
  if ('error' in checked) return oauthError(checked.error, checked.description);
  const id = randomId();
  ctx.state.pushedRequests.set(id, {
    params: new Map([...params, ['client_id', client.client_id]]),
    expiresAt: ctx.now() + lifetime * 1000,
  });
  return json({ request_uri: `${prefix}${id}`, expires_in: lifetime }, 201, noStore);
}

const idOf = (requestUri: string): string => (requestUri.startsWith(prefix) ? requestUri.slice(prefix.length) : '');

/**
 * The parameters an authorization request stands for: the pushed ones its `request_uri` names
 * (unexpired, unspent, for the same client), or its own — unless its client must push them. A
 * reload of the authorization page may use the request_uri again until its sign-in ends (§4).
 * @see https://www.rfc-editor.org/rfc/rfc9126#section-4
 */
export function takePushedRequest(ctx: EndpointContext, query: Map<string, string>): Map<string, string> | Refusal {
  const requestUri = query.get('request_uri');
  if (requestUri === undefined) {
    const client = activeClient(ctx.state, query.get('client_id'));
    return client?.require_pushed_authorization_requests
      ? { error: 'invalid_request', description: 'this client must push its authorization requests' }
      : query;
  }
  const pushed = ctx.state.pushedRequests.get(idOf(requestUri));
  if (!pushed || pushed.expiresAt <= ctx.now() || pushed.params.get('client_id') !== query.get('client_id')) {
    return {
      error: 'invalid_request_uri',
      description: 'the request_uri is unknown, used, expired or of another client',
    };
  }
  return pushed.params;
}

/** Ends a pushed request once its sign-in has an answer: its request_uri works no more. */
export function spendPushedRequest(ctx: EndpointContext, requestUri: string | undefined): void {
  if (requestUri !== undefined) ctx.state.pushedRequests.delete(idOf(requestUri));
}
