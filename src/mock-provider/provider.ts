import { authorize, decide } from './authorize.js';
import { corsFor, withHeaders, type EndpointContext } from './context.js';
import { createSigningKey, type SigningKey } from './keys.js';
import { createClientRecord, RegistrationError, registrationResponse, type ClientMetadata } from './registration.js';
import { revoke, userinfo } from './resource-endpoints.js';
import { json } from './responses.js';
import { createState, type MockClient, type MockUser, type ProviderState } from './state.js';
import { token } from './token.js';

/** Options of {@link createMockProvider}. */
export interface MockProviderOptions {
  /** Where the profiles are mounted: `/mock` gives `/mock/oidc/...`. */
  basePath?: string;
  users?: MockUser[];
  /** Clients registered at start, with the ids they name. */
  clients?: ClientMetadata[];
  /** The URL of the module that defines `<oauth-consent-popup>` for the consent page. */
  consentScript?: string;
  /** The provider's clock, in epoch milliseconds. */
  now?: () => number;
}

/** A mock provider: a fetch-style handler with its state and in-process helpers. */
export interface MockProvider {
  (request: Request): Promise<Response>;
  readonly basePath: string;
  readonly state: ProviderState;
  /** Registers a client in process, as `/register` would. */
  registerClient(metadata: ClientMetadata): MockClient;
}

type Endpoint = (ctx: EndpointContext, request: Request) => Response | Promise<Response>;

/** The OpenID endpoints of the `oidc` profile, by method and path below the issuer. */
const endpoints: Record<string, Endpoint> = {
  'GET /.well-known/openid-configuration': (ctx) => json(discoveryDocument(ctx.issuer), 200, { 'access-control-allow-origin': '*' }),
  'GET /jwks': async (ctx) => json({ keys: [(await ctx.signingKey()).publicJwk] }, 200, { 'access-control-allow-origin': '*' }),
  'GET /authorize': authorize,
  'POST /authorize/decision': decide,
  'POST /token': token,
  'GET /userinfo': userinfo,
  'POST /revoke': revoke,
  'POST /register': register,
};

/**
 * The provider's metadata.
 * @see https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderMetadata
 */
function discoveryDocument(issuer: string): Record<string, unknown> {
  return {
    issuer,
    authorization_endpoint: `${issuer}/authorize`,
    token_endpoint: `${issuer}/token`,
    userinfo_endpoint: `${issuer}/userinfo`,
    jwks_uri: `${issuer}/jwks`,
    revocation_endpoint: `${issuer}/revoke`,
    registration_endpoint: `${issuer}/register`,
    response_types_supported: ['code'],
    response_modes_supported: ['query'],
    grant_types_supported: ['authorization_code'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['ES256'],
    scopes_supported: ['openid', 'profile', 'email'],
    token_endpoint_auth_methods_supported: ['none', 'client_secret_basic', 'client_secret_post'],
    code_challenge_methods_supported: ['S256'],
    claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'auth_time', 'nonce', 'name', 'email', 'email_verified', 'picture'],
    authorization_response_iss_parameter_supported: true,
  };
}

/**
 * Dynamic client registration.
 * @see https://www.rfc-editor.org/rfc/rfc7591#section-3
 */
async function register(ctx: EndpointContext, request: Request): Promise<Response> {
  let metadata: unknown;
  try {
    metadata = await request.json();
  } catch {
    return json({ error: 'invalid_client_metadata', error_description: 'the body is not JSON' }, 400);
  }
  if (metadata === null || typeof metadata !== 'object' || 'client_id' in metadata) {
    return json({ error: 'invalid_client_metadata', error_description: 'send client metadata as a JSON object, without client_id' }, 400);
  }
  try {
    const client = createClientRecord(metadata as ClientMetadata, ctx.now());
    ctx.state.clients.set(client.client_id, client);
    return json(registrationResponse(client, `${ctx.issuer}/register/${client.client_id}`), 201, { 'cache-control': 'no-store' });
  } catch (error) {
    if (error instanceof RegistrationError) return json({ error: error.error, error_description: error.message }, 400);
    throw error;
  }
}

/**
 * Makes a mock OAuth 2.0 / OpenID provider as one fetch-style handler.
 * @see https://openid.net/specs/openid-connect-core-1_0.html
 */
export function createMockProvider(options: MockProviderOptions = {}): MockProvider {
  const basePath = (options.basePath ?? '/mock').replace(/\/$/, '');
  const state = createState(options.users);
  const now = options.now ?? Date.now;
  let key: Promise<SigningKey> | undefined;
  const signingKey = (): Promise<SigningKey> => (key ??= createSigningKey());
  const registerClient = (metadata: ClientMetadata): MockClient => {
    const client = createClientRecord(metadata, now());
    state.clients.set(client.client_id, client);
    return client;
  };
  for (const metadata of options.clients ?? []) registerClient(metadata);

  const handler = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const match = url.pathname.startsWith(`${basePath}/`) ? /^\/([\w-]+)(\/.*)?$/.exec(url.pathname.slice(basePath.length)) : null;
    if (!match || match[1] !== 'oidc') return json({ error: 'not_found' }, 404);
    const ctx: EndpointContext = { state, issuer: `${url.origin}${basePath}/${match[1]}`, signingKey, now, consentScript: options.consentScript };
    const cors = corsFor(request, state.clients.values());
    if (request.method === 'OPTIONS') return new Response(null, { status: 204, headers: cors });
    const endpoint = endpoints[`${request.method} ${match[2] ?? '/'}`];
    if (!endpoint) return json({ error: 'not_found' }, 404);
    const response = await endpoint(ctx, request);
    return match[2] === '/authorize' ? response : withHeaders(response, cors);
  };
  return Object.assign(handler, { basePath, state, registerClient });
}
