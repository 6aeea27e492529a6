import { github } from '../../core/profiles/index.js';
import { authorize, decide } from '../authorize.js';
import { createClientRecord } from '../registration.js';
import { protectedResource } from '../resource-endpoints.js';
import { token } from '../token-endpoint.js';
import type { MockProfile } from './mock-profile.js';

/**
 * GitHub (an OAuth app, or a GitHub App's user tokens), at `/mock/github`: `/login/oauth/authorize` with
 * PKCE S256; `POST /login/oauth/access_token` with the client secret and no CORS, so only the app's
 * backend reaches it; access tokens of eight hours with a refresh token (a GitHub App's expiring user
 * tokens); no OpenID, no id_token: the user is read from `GET /user` (the REST API, CORS open).
 * @see https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps#web-application-flow
 * @see https://github.blog/changelog/2025-07-14-pkce-support-for-oauth-and-github-app-authentication
 * @see https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/refreshing-user-access-tokens
 * @see https://docs.github.com/en/rest/users/users#get-the-authenticated-user
 */
export const githubProfile: MockProfile = {
  profile: github,
  routes: {
    'GET /login/oauth/authorize': authorize,
    'POST /login/oauth/authorize/decision': decide,
    'POST /login/oauth/access_token': token,
    'GET /user': protectedResource((ctx, record, user) => ({
      login: record.sub,
      id: 1000 + ctx.state.users.findIndex((candidate) => candidate.sub === record.sub),
      name: user?.name ?? null,
      email: user?.email ?? null,
      avatar_url: `https://avatars.example.com/u/${record.sub}`,
    })),
  },
  settings: {
    createClient: (metadata, now) =>
      createClientRecord(
        { scope: 'read:user user:email', grant_types: ['authorization_code', 'refresh_token'], ...metadata },
        now,
      ),
    defaultScope: '',
    tokenType: 'bearer',
    publicClients: false,
    corsless: ['/login/oauth/access_token'],
  },
};
