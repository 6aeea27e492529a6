import type { EndpointContext } from './context.js';
import type { Endpoint } from './profiles/mock-profile.js';
import type { ClientMetadata } from './client-metadata.js';
import { createClientRecord, RegistrationError, registrationResponse } from './registration.js';
import { json } from './responses.js';
import { retireClient, type MockClient } from './state.js';

/** Fields the server sets, which an update must not send. @see https://www.rfc-editor.org/rfc/rfc7592#section-2.2 */
const serverFields = [
  'registration_access_token',
  'registration_client_uri',
  'client_secret_expires_at',
  'client_id_issued_at',
];

/** The client a configuration request names, and its URI, when the Bearer token is that client's registration access token. */
function managedClient(ctx: EndpointContext, request: Request): { client: MockClient; uri: string } | Response {
  const uri = `${new URL(request.url).origin}${new URL(request.url).pathname}`;
  const clientId = decodeURIComponent(uri.slice(`${ctx.issuer}/register/`.length));
  const token = request.headers.get('authorization')?.match(/^Bearer ([\w.~+/-]+=*)$/i)?.[1];
  const client = ctx.state.clients.get(clientId);
  if (!client || !token || token !== client.registration_access_token) {
    return json(
      { error: 'invalid_token', error_description: 'the registration access token is not valid for this client' },
      401,
      {
        'www-authenticate': `Bearer realm="${ctx.issuer}", error="invalid_token"`,
        'cache-control': 'no-store',
      },
    );
  }
  return { client, uri };
}

/**
 * Reads a client's registration.
 * @see https://www.rfc-editor.org/rfc/rfc7592#section-2.1
 */
export function readClient(ctx: EndpointContext, request: Request): Response {
  const managed = managedClient(ctx, request);
  if (managed instanceof Response) return managed;
  return json(registrationResponse(managed.client, managed.uri), 200, { 'cache-control': 'no-store' });
}

/**
 * Replaces a client's metadata; its id, secret and registration access token stay. The `disabled`
 * extension field disables a client, whose tokens are then refused.
 * @see https://www.rfc-editor.org/rfc/rfc7592#section-2.2
 */
export async function updateClient(ctx: EndpointContext, request: Request): Promise<Response> {
  const managed = managedClient(ctx, request);
  if (managed instanceof Response) return managed;
  const { client, uri } = managed;
  const refuse = (description: string): Response =>
    json({ error: 'invalid_client_metadata', error_description: description }, 400);
  let metadata: unknown;
  try {
    metadata = await request.json();
  } catch {
    return refuse('the body is not JSON');
  }
  if (metadata === null || typeof metadata !== 'object' || Array.isArray(metadata))
    return refuse('send client metadata as a JSON object');
  const fields = metadata as ClientMetadata & Record<string, unknown>;
  if (fields.client_id !== client.client_id) return refuse('client_id must be sent, and be this client’s');
  if ('client_secret' in fields && fields.client_secret !== client.client_secret)
    return refuse('client_secret cannot be changed');
  const sent = serverFields.find((field) => field in fields);
  if (sent) return refuse(`${sent} is set by the server and must not be sent`);
  try {
    const { client_secret: _secret, ...replacement } = fields;
    const updated = (ctx.settings.createClient ?? createClientRecord)(replacement, ctx.now());
    updated.registration_access_token = client.registration_access_token;
    updated.client_id_issued_at = client.client_id_issued_at;
    if (updated.client_secret !== undefined && client.client_secret !== undefined)
      updated.client_secret = client.client_secret;
    ctx.state.clients.set(client.client_id, updated);
    return json(registrationResponse(updated, uri), 200, { 'cache-control': 'no-store' });
  } catch (error) {
    if (error instanceof RegistrationError) return json({ error: error.error, error_description: error.message }, 400);
    throw error;
  }
}

/**
 * Deletes a client: its codes, access tokens and refresh tokens are refused from then on.
 * @see https://www.rfc-editor.org/rfc/rfc7592#section-2.3
 */
export function deleteClient(ctx: EndpointContext, request: Request): Response {
  const managed = managedClient(ctx, request);
  if (managed instanceof Response) return managed;
  retireClient(ctx.state, managed.client.client_id, 'delete');
  return new Response(null, { status: 204, headers: { 'cache-control': 'no-store' } });
}

const methods: Record<string, Endpoint> = { GET: readClient, PUT: updateClient, DELETE: deleteClient };

/**
 * The client configuration endpoint at `/register/<client_id>`, for a request's method and path below the issuer.
 * @see https://www.rfc-editor.org/rfc/rfc7592#section-2
 */
export function clientConfigurationEndpoint(method: string, path: string): Endpoint | undefined {
  return /^\/register\/[^/]+$/.test(path) ? methods[method] : undefined;
}
