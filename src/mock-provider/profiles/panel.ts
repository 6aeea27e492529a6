import { panel } from '../../core/profiles/index.js';
import { authorize, decide } from '../authorize.js';
import type { ClientMetadata } from '../client-metadata.js';
import { createClientRecord, RegistrationError } from '../registration.js';
import { protectedResource } from '../resource-endpoints.js';
import type { MockClient } from '../state.js';
import { token } from '../token-endpoint.js';
import type { MockProfile } from './mock-profile.js';
import type { ScopeDefinition } from './mock-settings.js';

/** panel's scope definitions; `user.read` is the default scope, granted even when not requested. */
export const panelScopes: ScopeDefinition[] = [
  {
    id: 'user.read',
    resource: '/api/user',
    method: 'GET',
    default: true,
    name: 'Read your profile',
    description: 'Let {client_name} see the name and id of {user}',
    icon: 'person',
  },
  {
    id: 'user.email',
    resource: '/api/user',
    method: 'GET',
    name: 'Email address',
    description: 'Let {client_name} read the email address of {user}',
    icon: 'envelope',
  },
  {
    id: 'repo.read',
    resource: '/api/repos',
    method: 'GET',
    name: 'Repositories',
    description: '{client_name} may list the repositories of {user}',
    icon: '/favicon.ico',
  },
];

const settingFields = ['allow_implicit_grant', 'enforce_state_validation', 'require_exact_redirect_uri'] as const;

/**
 * A panel client: the RFC 7591 fields, `redirect_uris` also as space-separated strings (as the
 * panel's form takes them, alone or inside the array), scopes from {@link panelScopes}, and the client settings as extension fields.
 * @see https://www.rfc-editor.org/rfc/rfc7591#section-2
 */
function createPanelClient(metadata: ClientMetadata & Record<string, unknown>, now: number): MockClient {
  const raw: unknown = metadata.redirect_uris;
  // The panel's form takes several URIs in one space-separated string, alone or as an array's item.
  const split = (value: unknown): unknown[] =>
    typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : [value];
  // createClientRecord checks that each item is a string.
  const redirectUris =
    typeof raw === 'string' || Array.isArray(raw) ? ([raw].flat().flatMap(split) as string[]) : metadata.redirect_uris;
  for (const field of settingFields) {
    if (metadata[field] !== undefined && typeof metadata[field] !== 'boolean')
      throw new RegistrationError('invalid_client_metadata', `${field} must be a boolean`);
  }
  if (metadata['description'] !== undefined && typeof metadata['description'] !== 'string') {
    throw new RegistrationError('invalid_client_metadata', 'description must be a string');
  }
  const implicit = metadata['allow_implicit_grant'] === true;
  const grants = metadata.grant_types ?? ['authorization_code', 'refresh_token'];
  const client = createClientRecord(
    {
      scope: 'user.read',
      ...metadata,
      ...(redirectUris ? { redirect_uris: redirectUris } : {}),
      grant_types: implicit && !grants.includes('implicit') ? [...grants, 'implicit'] : grants,
      response_types: implicit ? ['code', 'token'] : ['code'],
    },
    now,
  );
  if (!client.scope.split(' ').every((scope) => panelScopes.some((defined) => defined.id === scope))) {
    throw new RegistrationError('invalid_client_metadata', 'scope names a scope panel does not define');
  }
  client.allow_implicit_grant = implicit;
  client.enforce_state_validation = metadata['enforce_state_validation'] === true;
  client.require_exact_redirect_uri = metadata['require_exact_redirect_uri'] !== false;
  if (typeof metadata['description'] === 'string') client.description = metadata['description'];
  return client;
}

/**
 * panel (seed 002), at `/mock/panel`: clients with the panel's settings (implicit allowed, state
 * enforced, exact redirect URIs, token lifetime); `/oauth/authorize` for code and, for clients that
 * allow it, token; `/oauth/token` for authorization_code and refresh_token with client_secret as the
 * seed says, and also public clients with PKCE (auth method `none`) so a browser can use it; the user
 * at `/api/user?access_token=`. Without exact matching, a redirect URI below a registered one (same
 * origin, path under its path) is taken. The consent page shows the scope definitions.
 */
export const panelProfile: MockProfile = {
  profile: panel,
  routes: {
    'GET /oauth/authorize': authorize,
    'POST /oauth/authorize/decision': decide,
    'POST /oauth/token': token,
    'GET /api/user': protectedResource(
      (_ctx, record, user) => ({
        id: record.sub,
        username: record.sub,
        name: user?.name,
        ...(record.scope.split(' ').includes('user.email') ? { email: user?.email } : {}),
      }),
      { scope: 'user.read' },
    ),
  },
  settings: {
    createClient: createPanelClient,
    defaultScope: '',
    scopes: panelScopes,
    publicClients: true,
  },
};
