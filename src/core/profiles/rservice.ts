import type { ProviderProfile } from './profile.js';

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
