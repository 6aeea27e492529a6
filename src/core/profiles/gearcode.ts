import type { ProviderProfile } from './profile.js';

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
