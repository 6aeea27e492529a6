import type { ClientMetadata } from './client-metadata.js';
import type { EndpointContext } from './context.js';
import { randomId } from './ids.js';
import { json } from './responses.js';
import type { MockClient } from './state.js';

/** A refused registration. @see https://www.rfc-editor.org/rfc/rfc7591#section-3.2.2 */
export class RegistrationError extends Error {
  constructor(
    readonly error: 'invalid_redirect_uri' | 'invalid_client_metadata',
    description: string,
  ) {
    super(description);
  }
}

const grantTypes = new Set(['authorization_code', 'implicit', 'refresh_token', 'client_credentials']);
const responseTypes = new Set(['code', 'token', 'id_token', 'id_token token']);
const authMethods = new Set(['none', 'client_secret_post', 'client_secret_basic']);
const loopback = new Set(['localhost', '127.0.0.1', '[::1]']);

function stringList(value: unknown, field: string, fallback: string[]): string[] {
  if (value === undefined) return fallback;
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    throw new RegistrationError('invalid_client_metadata', `${field} must be an array of strings`);
  }
  return value;
}

/** https, or http on a loopback host (RFC 8252 §8.3). */
const isWebUrl = (url: URL): boolean =>
  url.protocol === 'https:' || (url.protocol === 'http:' && loopback.has(url.hostname));

function checkRedirectUri(uri: string): void {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    throw new RegistrationError('invalid_redirect_uri', `${uri} is not an absolute URL`);
  }
  if (url.hash || uri.includes('#'))
    throw new RegistrationError('invalid_redirect_uri', 'a redirect URI has no fragment');
  if (!isWebUrl(url)) {
    throw new RegistrationError('invalid_redirect_uri', 'a redirect URI uses https, or http on a loopback host');
  }
}

/** A URL the consent page may show or link to: https, or http on a loopback host, never `javascript:` or `data:`. */
function optionalUrl(value: unknown, field: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !URL.canParse(value) || !isWebUrl(new URL(value)))
    throw new RegistrationError('invalid_client_metadata', `${field} must be an https URL (http on a loopback host)`);
  return value;
}

/**
 * Checks client metadata and makes a client with a generated id (and a secret when confidential).
 * @see https://www.rfc-editor.org/rfc/rfc7591#section-3.1
 */
export function createClientRecord(metadata: ClientMetadata, now = Date.now()): MockClient {
  const grants = stringList(metadata.grant_types, 'grant_types', ['authorization_code']);
  const responses = stringList(metadata.response_types, 'response_types', ['code']);
  if (!grants.every((grant) => grantTypes.has(grant)))
    throw new RegistrationError('invalid_client_metadata', 'unsupported grant_types');
  if (!responses.every((type) => responseTypes.has(type)))
    throw new RegistrationError('invalid_client_metadata', 'unsupported response_types');
  const redirectUris = stringList(metadata.redirect_uris, 'redirect_uris', []);
  if (redirectUris.length === 0 && (grants.includes('authorization_code') || grants.includes('implicit'))) {
    throw new RegistrationError('invalid_redirect_uri', 'redirect_uris is required for this grant');
  }
  redirectUris.forEach(checkRedirectUri);
  const logoutUris = stringList(metadata.post_logout_redirect_uris, 'post_logout_redirect_uris', []);
  logoutUris.forEach(checkRedirectUri);
  if (metadata.disabled !== undefined && typeof metadata.disabled !== 'boolean') {
    throw new RegistrationError('invalid_client_metadata', 'disabled must be a boolean');
  }
  const method = metadata.token_endpoint_auth_method ?? 'client_secret_basic';
  if (!authMethods.has(method))
    throw new RegistrationError('invalid_client_metadata', 'unsupported token_endpoint_auth_method');
  if (metadata.scope !== undefined && typeof metadata.scope !== 'string') {
    throw new RegistrationError('invalid_client_metadata', 'scope must be a string');
  }
  const client: MockClient = {
    client_id: metadata.client_id ?? randomId(12),
    client_name: typeof metadata.client_name === 'string' ? metadata.client_name : 'Unnamed application',
    redirect_uris: redirectUris,
    grant_types: grants,
    response_types: responses,
    scope: metadata.scope ?? 'openid profile email',
    token_endpoint_auth_method: method as MockClient['token_endpoint_auth_method'],
    registration_access_token: randomId(),
    client_id_issued_at: Math.floor(now / 1000),
  };
  for (const field of ['logo_uri', 'client_uri', 'policy_uri', 'tos_uri'] as const) {
    const uri = optionalUrl(metadata[field], field);
    if (uri) client[field] = uri;
  }
  if (
    metadata.client_secret !== undefined &&
    (method === 'none' || typeof metadata.client_secret !== 'string' || metadata.client_secret.length < 16)
  ) {
    throw new RegistrationError(
      'invalid_client_metadata',
      'client_secret is a string of 16 characters or more, for a confidential client',
    );
  }
  if (method !== 'none') client.client_secret = metadata.client_secret ?? randomId();
  if (logoutUris.length > 0) client.post_logout_redirect_uris = logoutUris;
  if (metadata.disabled) client.disabled = true;
  if (
    metadata.require_pushed_authorization_requests !== undefined &&
    typeof metadata.require_pushed_authorization_requests !== 'boolean'
  ) {
    throw new RegistrationError('invalid_client_metadata', 'require_pushed_authorization_requests must be a boolean');
  }
  if (metadata.require_pushed_authorization_requests) client.require_pushed_authorization_requests = true;
  const lifetime = metadata.access_token_lifetime;
  if (lifetime !== undefined) {
    if (typeof lifetime !== 'number' || !Number.isInteger(lifetime) || lifetime < 1) {
      throw new RegistrationError('invalid_client_metadata', 'access_token_lifetime is a whole number of seconds');
    }
    client.access_token_lifetime = lifetime;
  }
  return client;
}

/** The public view of a client, as the registration response shows it. @see https://www.rfc-editor.org/rfc/rfc7591#section-3.2.1 */
export function registrationResponse(client: MockClient, registrationClientUri: string): Record<string, unknown> {
  return { ...client, registration_client_uri: registrationClientUri };
}

/**
 * Dynamic client registration, at `/register` of every profile.
 * @see https://www.rfc-editor.org/rfc/rfc7591#section-3
 */
export async function register(ctx: EndpointContext, request: Request): Promise<Response> {
  let metadata: unknown;
  try {
    metadata = await request.json();
  } catch {
    return json({ error: 'invalid_client_metadata', error_description: 'the body is not JSON' }, 400);
  }
  if (metadata === null || typeof metadata !== 'object' || 'client_id' in metadata || 'client_secret' in metadata) {
    return json(
      {
        error: 'invalid_client_metadata',
        error_description: 'send client metadata as a JSON object, without client_id or client_secret',
      },
      400,
    );
  }
  try {
    const client = (ctx.settings.createClient ?? createClientRecord)(
      metadata as ClientMetadata & Record<string, unknown>,
      ctx.now(),
    );
    ctx.state.clients.set(client.client_id, client);
    return json(registrationResponse(client, `${ctx.issuer}/register/${client.client_id}`), 201, {
      'cache-control': 'no-store',
    });
  } catch (error) {
    if (error instanceof RegistrationError) return json({ error: error.error, error_description: error.message }, 400);
    throw error;
  }
}
