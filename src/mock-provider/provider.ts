import { decodeJwt } from 'jose';
import { corsFor, withHeaders, type EndpointContext } from './context.js';
import { createControl, currentKey, rotateKey, type Control, type Scenario } from './control.js';
import { controlEndpoint } from './control-endpoint.js';
import { refuseCrossSite } from './cross-site.js';
import { gearcodeProfile } from './profiles/gearcode.js';
import type { MockProfile } from './profiles/mock-profile.js';
import type { MockSettings, RateLimit } from './profiles/mock-settings.js';
import { githubProfile } from './profiles/github.js';
import { oidcProfile } from './profiles/oidc.js';
import { panelProfile } from './profiles/panel.js';
import { phpapiProfile } from './profiles/phpapi.js';
import { redguyProfile } from './profiles/redguy.js';
import { rserviceProfile } from './profiles/rservice.js';
import {
  auth0Profile,
  cognitoProfile,
  entraProfile,
  googleProfile,
  keycloakProfile,
  oktaProfile,
} from './profiles/vendors.js';
import { rateLimited } from './rate-limit.js';
import { clientConfigurationEndpoint } from './client-management.js';
import type { ClientMetadata } from './client-metadata.js';
import { createClientRecord, register } from './registration.js';
import { json } from './responses.js';
import { createState, retireClient, type MockClient, type MockUser, type ProviderState } from './state.js';

/** Options of {@link createMockProvider}. */
export interface MockProviderOptions {
  /** Where the profiles are mounted: `/mock` gives `/mock/oidc/...`. */
  basePath?: string;
  users?: MockUser[];
  /** Clients registered at start in the `oidc` profile, with the ids they name. */
  clients?: ClientMetadata[];
  /** The URL of the module that defines `<oauth-consent-popup>` for the consent page. */
  consentScript?: string;
  /** The provider's clock, in epoch milliseconds. */
  now?: () => number;
  /** The rate limit of the profiles that have one (phpapi: 60 requests a minute per client or token). */
  rateLimit?: RateLimit;
}

/** A mock provider: a fetch-style handler with its state and in-process helpers. */
export interface MockProvider {
  (request: Request): Promise<Response>;
  readonly basePath: string;
  /** Each mounted profile's state, by profile id. */
  readonly states: ReadonlyMap<string, ProviderState>;
  /** Registers a client in process, as `/mock/<profile>/register` would (`oidc` unless named). */
  registerClient(metadata: ClientMetadata, profile?: string): MockClient;
  /** Scenarios, the request log, the clock offset and the keys. */
  readonly control: Control;
  /** Queues a one-shot scenario. */
  script(scenario: Scenario): void;
  /** The next authorization of the client (any, unless named) is approved as `sub`, with no consent page. */
  signInAs(sub: string, options?: { clientId?: string; profile?: string }): void;
  /** Moves the provider's clock forward. */
  advanceClock(seconds: number): void;
  /** Signs with a new key from now on; the previous one stays in the JWKS. */
  rotateKeys(): void;
  /** Disables a client (`oidc` unless named): it cannot authenticate and its tokens are refused. */
  disableClient(clientId: string, profile?: string): void;
  /** Deletes a client (`oidc` unless named): its tokens are refused. */
  deleteClient(clientId: string, profile?: string): void;
}

/** The profiles mounted below the base path, by id. */
const mockProfiles: MockProfile[] = [
  oidcProfile,
  redguyProfile,
  rserviceProfile,
  panelProfile,
  gearcodeProfile,
  phpapiProfile,
  auth0Profile,
  oktaProfile,
  keycloakProfile,
  entraProfile,
  googleProfile,
  cognitoProfile,
  githubProfile,
];

/**
 * Makes a mock OAuth 2.0 / OpenID provider as one fetch-style handler, each profile at `<basePath>/<id>`.
 * @see https://openid.net/specs/openid-connect-core-1_0.html
 */
export function createMockProvider(options: MockProviderOptions = {}): MockProvider {
  const basePath = (options.basePath ?? '/mock').replace(/\/$/, '');
  const control = createControl();
  const clock = options.now ?? Date.now;
  const now = (): number => clock() + control.offset;
  const states = new Map(mockProfiles.map((mock) => [mock.profile.id, createState(options.users)]));
  const byId = new Map(mockProfiles.map((mock) => [mock.profile.id, mock]));
  const settings = new Map<string, MockSettings>(
    mockProfiles.map((mock) => [
      mock.profile.id,
      { ...mock.settings, ...(mock.settings?.rateLimit && options.rateLimit ? { rateLimit: options.rateLimit } : {}) },
    ]),
  );
  const signingKey = () => currentKey(control);
  const stateOf = (profile: string): ProviderState => {
    const state = states.get(profile);
    if (!state) throw new TypeError(`no mock profile ${profile}`);
    return state;
  };
  // CORS goes to the origins of the clients registered in process (the app's own), never to one registered over HTTP.
  const inProcess = new Map(mockProfiles.map((mock) => [mock.profile.id, new Set<string>()]));
  const registerClient = (metadata: ClientMetadata, profile = 'oidc'): MockClient => {
    const state = stateOf(profile);
    const client = (settings.get(profile)?.createClient ?? createClientRecord)(
      metadata as ClientMetadata & Record<string, unknown>,
      now(),
    );
    state.clients.set(client.client_id, client);
    inProcess.get(profile)?.add(client.client_id);
    return client;
  };
  for (const metadata of options.clients ?? []) registerClient(metadata);

  const handler = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    if (url.pathname === `${basePath}/__control`) {
      return (
        (request.method === 'GET' ? undefined : refuseCrossSite(request)) ?? controlEndpoint(request, control, states)
      );
    }
    const match = url.pathname.startsWith(`${basePath}/`)
      ? /^\/([\w-]+)(\/.*)?$/.exec(url.pathname.slice(basePath.length))
      : null;
    const mock = match && byId.get(match[1] ?? '');
    const state = mock && states.get(mock.profile.id);
    if (!match || !mock || !state) return json({ error: 'not_found' }, 404);
    const ctx: EndpointContext = {
      state,
      control,
      profile: mock.profile,
      settings: settings.get(mock.profile.id) ?? {},
      issuer: `${url.origin}${basePath}/${mock.profile.id}`,
      signingKey,
      now,
      consentScript: options.consentScript,
    };
    const trusted = inProcess.get(mock.profile.id);
    const path = match[2] ?? '/';
    const authorization = mock.profile.endpoints?.authorization ?? '/authorize';
    // The authorization endpoint and its consent decision are navigations, never fetches (RFC 6749 §3.1): no CORS, even
    // for a preflight; nor a vendor's endpoint without CORS (GitHub's token endpoint).
    const navigation = path === authorization || path.startsWith(`${authorization}/`);
    const cors =
      navigation || mock.settings?.corsless?.includes(path)
        ? {}
        : corsFor(
            request,
            [...state.clients.values()].filter((client) => trusted?.has(client.client_id)),
          );
    if (request.method === 'OPTIONS') return new Response(null, { status: 204, headers: cors });
    const shared =
      path === '/register' && request.method === 'POST' ? register : clientConfigurationEndpoint(request.method, path);
    const endpoint = shared ?? mock.routes[`${request.method} ${path}`];
    if (!endpoint) return json({ error: 'not_found' }, 404);
    const refused = shared && request.method !== 'GET' ? refuseCrossSite(request) : undefined;
    if (refused) return refused;
    const logged = await requestFacts(request);
    const page = navigation || path === '/register';
    // A token is its own key; without one, the client is.
    const key =
      request.headers.get('authorization') ?? url.searchParams.get('access_token') ?? logged.clientId ?? 'anonymous';
    const response = page
      ? await endpoint(ctx, request)
      : await rateLimited(ctx, key, async () => endpoint(ctx, request));
    control.log.push({
      at: now(),
      profile: mock.profile.id,
      method: request.method,
      path,
      ...logged,
      status: response.status,
    });
    return withHeaders(response, cors);
  };
  return Object.assign(handler, {
    basePath,
    states,
    registerClient,
    control,
    script: (scenario: Scenario) => void control.scenarios.push(scenario),
    signInAs: (sub: string, options: { clientId?: string; profile?: string } = {}) =>
      void control.scenarios.push({ next: 'authorization', signInAs: sub, ...options }),
    advanceClock: (seconds: number) => void (control.offset += seconds * 1000),
    rotateKeys: () => rotateKey(control),
    disableClient: (clientId: string, profile = 'oidc') => void retireClient(stateOf(profile), clientId, 'disable'),
    deleteClient: (clientId: string, profile = 'oidc') => void retireClient(stateOf(profile), clientId, 'delete'),
  });
}

/** The client and grant type of a request, for the log, read from a copy of it. */
async function requestFacts(
  request: Request,
): Promise<{ clientId: string | undefined; grantType: string | undefined }> {
  const query = new URL(request.url).searchParams;
  let form = new URLSearchParams();
  if (request.headers.get('content-type')?.startsWith('application/x-www-form-urlencoded')) {
    form = new URLSearchParams(await request.clone().text());
  }
  const clientId = form.get('client_id') ?? query.get('client_id') ?? clientOfToken(request);
  return { clientId, grantType: form.get('grant_type') ?? undefined };
}

/** The client an access token in the Authorization header was issued to, read unverified (for the log only). */
function clientOfToken(request: Request): string | undefined {
  const token = /^(?:Bearer|DPoP) (\S+)$/i.exec(request.headers.get('authorization') ?? '')?.[1];
  try {
    const claim = token === undefined ? undefined : decodeJwt(token)['client_id'];
    return typeof claim === 'string' ? claim : undefined;
  } catch {
    return undefined;
  }
}
