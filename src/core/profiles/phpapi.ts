import type { UserClaims } from '../session.js';
import { text } from './text.js';
import type { ProviderProfile } from './profile.js';

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
      return sub
        ? ({ sub, preferred_username: sub, name: text(body['full_name']), email: text(body['email']) } as UserClaims)
        : undefined;
    },
  },
  grantTypeParam: false,
  refresh: false,
  accessTokenLifetime: 3600,
};
