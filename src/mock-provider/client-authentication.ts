import type { EndpointContext } from './context.js';
import { errorResponse } from './error-response.js';
import { activeClient, type MockClient } from './state.js';

/**
 * The client a token request authenticates as: a public client by its id (where the profile takes
 * public clients), a confidential one by `client_secret_basic` or `client_secret_post`; never a disabled one.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1
 */
export function authenticateClient(
  ctx: EndpointContext,
  request: Request,
  params: Map<string, string>,
): MockClient | Response {
  const unauthorized = (): Response => errorResponse(ctx, 'invalid_client', 'client authentication failed', 401);
  let clientId = params.get('client_id');
  let secret = params.get('client_secret');
  const basic = request.headers.get('authorization')?.match(/^Basic (.+)$/i)?.[1];
  if (basic) {
    if (secret !== undefined) return errorResponse(ctx, 'invalid_request', 'use one client authentication method');
    const [id = '', password = ''] = atob(basic).split(':').map(decodeURIComponent);
    if (clientId !== undefined && clientId !== id) return unauthorized();
    clientId = id;
    secret = password;
  }
  const client = activeClient(ctx.state, clientId);
  if (!client) return unauthorized();
  if (client.token_endpoint_auth_method === 'none') {
    const publicClients = ctx.settings.publicClients ?? ctx.profile.codeExchange === 'public';
    return secret === undefined && publicClients ? client : unauthorized();
  }
  return client.client_secret !== undefined && secret === client.client_secret ? client : unauthorized();
}
