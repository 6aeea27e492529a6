import type { UserClaims } from '../session.js';
import { text } from './text.js';
import type { ProviderProfile } from './profile.js';

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
      return sub
        ? ({ sub, name: text(body['name']) ?? text(body['username']), email: text(body['email']) } as UserClaims)
        : undefined;
    },
  },
  grantTypeParam: true,
  refresh: true,
  accessTokenLifetime: 3600,
};
