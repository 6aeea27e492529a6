import type { UserClaims } from '../id-token.js';
import type { ProviderProfile } from './profile.js';

const text = (value: unknown): string | undefined => (typeof value === 'string' || typeof value === 'number' ? String(value) : undefined);

/** A generic, strict OpenID provider: everything from discovery. */
export const oidc: ProviderProfile = {
  id: 'oidc',
  name: 'OpenID Connect',
  discovery: true,
  // The implicit flow (`id_token token`) only when asked for: for a provider whose web clients cannot redeem a code without a secret (Google).
  flows: ['code', 'implicit'],
  pkce: true,
  echoesState: true,
  iss: true,
  codeExchange: 'public',
  scope: { default: 'openid profile email', separator: ' ' },
  grantTypeParam: true,
  refresh: true,
  accessTokenLifetime: 3600,
};

/** redguy (seed 000): implicit in the browser, code on a server, numeric scopes, `{code, comment, response}` envelopes. */
export const redguy: ProviderProfile = {
  id: 'redguy',
  name: 'redguy',
  discovery: false,
  endpoints: { authorization: '/oauth/authorize', token: '/v1/auth/oauth/code', userinfo: '/v1/users/get' },
  flows: ['implicit', 'code'],
  pkce: false,
  echoesState: true,
  iss: false,
  codeExchange: 'backend',
  scope: { default: '1 2', separator: ' ' },
  userinfo: {
    token: 'header',
    claims: (body) => {
      const user = body['response'] as Record<string, unknown> | undefined;
      const sub = text(user?.['id']);
      return body['code'] === 0 && user && sub ? ({ sub, name: text(user['name']), email: text(user['email']) } as UserClaims) : undefined;
    },
  },
  grantTypeParam: true,
  refresh: false,
  accessTokenLifetime: 86_400,
};

/** rservice (seed 001): client credentials only, on a server; tokens live one hour. */
export const rservice: ProviderProfile = {
  id: 'rservice',
  name: 'R-Service',
  discovery: false,
  endpoints: { authorization: '/authorize', token: '/token' },
  flows: [],
  pkce: false,
  echoesState: true,
  iss: false,
  codeExchange: 'backend',
  scope: { default: '', separator: ' ' },
  grantTypeParam: true,
  refresh: false,
  accessTokenLifetime: 3600,
};

/**
 * panel (seed 002): clients with settings, described scopes, the token in the query at `/api/user`.
 * Its token endpoint requires the client secret and it documents no PKCE, so the code is exchanged by
 * the app's backend (`oauth-elements/server`), as for gearcode and phpapi.
 */
export const panel: ProviderProfile = {
  id: 'panel',
  name: 'Panel',
  discovery: false,
  endpoints: { authorization: '/oauth/authorize', token: '/oauth/token', userinfo: '/api/user' },
  flows: ['code', 'implicit'],
  pkce: false,
  echoesState: true,
  iss: false,
  codeExchange: 'backend',
  scope: { default: 'user.read', separator: ' ' },
  userinfo: {
    token: 'query',
    claims: (body) => {
      const sub = text(body['id']) ?? text(body['sub']);
      return sub ? ({ sub, name: text(body['name']) ?? text(body['username']), email: text(body['email']) } as UserClaims) : undefined;
    },
  },
  grantTypeParam: true,
  refresh: true,
  accessTokenLifetime: 3600,
};

/** gearcode (seed 003): code flow with `resource_id`, refresh tokens, 899-second access tokens. */
export const gearcode: ProviderProfile = {
  id: 'gearcode',
  name: 'GearCode',
  discovery: false,
  endpoints: { authorization: '/oauth/authorize', token: '/oauth/token' },
  flows: ['code'],
  pkce: false,
  echoesState: true,
  iss: false,
  codeExchange: 'backend',
  scope: { default: '', separator: ' ' },
  tokenParams: (clientId) => ({ resource_id: clientId }),
  grantTypeParam: true,
  refresh: true,
  accessTokenLifetime: 899,
};

/** phpapi (seed 004): PHP paths, no state, no PKCE, no grant_type, its own error codes and 429s. */
export const phpapi: ProviderProfile = {
  id: 'phpapi',
  name: 'PHP API',
  discovery: false,
  endpoints: { authorization: '/api/authorize.php', token: '/api/token.php', userinfo: '/api/userinfo.php' },
  flows: ['code'],
  pkce: false,
  echoesState: false,
  iss: false,
  codeExchange: 'backend',
  scope: { default: '', separator: ' ' },
  userinfo: {
    token: 'header',
    claims: (body) => {
      const sub = text(body['username']);
      return sub ? ({ sub, preferred_username: sub, name: text(body['full_name']), email: text(body['email']) } as UserClaims) : undefined;
    },
  },
  grantTypeParam: false,
  refresh: false,
  accessTokenLifetime: 3600,
};

