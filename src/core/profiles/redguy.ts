import type { UserClaims } from '../session.js';
import { text } from './text.js';
import type { ProviderProfile } from './profile.js';

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
      return body['code'] === 0 && user && sub
        ? ({ sub, name: text(user['name']), email: text(user['email']) } as UserClaims)
        : undefined;
    },
  },
  grantTypeParam: true,
  refresh: false,
  accessTokenLifetime: 86_400,
};
