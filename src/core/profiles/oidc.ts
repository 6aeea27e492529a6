import type { ProviderProfile } from './profile.js';

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
