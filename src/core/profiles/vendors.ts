import type { UserClaims } from '../session.js';
import type { ProviderProfile } from './profile.js';
import { oidc } from './oidc.js';
import { text } from './text.js';

// Vendors whose quirks a configuration alone cannot carry. Okta, Keycloak, Entra ID and Google are `oidc` (README, Works with).

/**
 * Auth0: OpenID discovery (its issuer ends in `/`), and a logout endpoint outside its metadata,
 * `/v2/logout` with `client_id` and `returnTo`.
 * @see https://auth0.com/docs/api/authentication/logout/auth-0-logout
 */
export const auth0: ProviderProfile = {
  ...oidc,
  id: 'auth0',
  name: 'Auth0',
  iss: false,
  accessTokenLifetime: 86_400,
  logout: { path: 'v2/logout', clientId: 'client_id', returnTo: 'returnTo' },
};

/**
 * Amazon Cognito user pools: OpenID discovery at the pool's issuer, its managed login on the pool's
 * domain, and a sign-out endpoint there that the metadata does not name: `/logout` with `client_id`
 * and a registered `logout_uri`, which it requires.
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/logout-endpoint.html
 */
export const cognito: ProviderProfile = {
  ...oidc,
  id: 'cognito',
  name: 'Amazon Cognito',
  iss: false,
  logout: { path: '../logout', clientId: 'client_id', returnTo: 'logout_uri', returnToRequired: true },
};

/**
 * GitHub (OAuth apps and GitHub Apps): OAuth 2.0 without OpenID, PKCE S256, a token endpoint that
 * needs the client secret and answers no CORS, so the app's backend exchanges the code; the user
 * read from the REST API's `/user` (`api.github.com`, or `endpoints.userinfo` for GitHub Enterprise).
 * @see https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps#web-application-flow
 * @see https://docs.github.com/en/rest/users/users#get-the-authenticated-user
 */
export const github: ProviderProfile = {
  id: 'github',
  name: 'GitHub',
  discovery: false,
  endpoints: {
    authorization: '/login/oauth/authorize',
    token: '/login/oauth/access_token',
    userinfo: 'https://api.github.com/user',
  },
  flows: ['code'],
  pkce: true,
  echoesState: true,
  iss: false,
  codeExchange: 'backend',
  scope: { default: 'read:user user:email', separator: ' ' },
  userinfo: {
    token: 'header',
    claims: (body) => {
      const sub = text(body['id']);
      const login = text(body['login']);
      return sub
        ? ({
            sub,
            preferred_username: login,
            name: text(body['name']) ?? login,
            email: text(body['email']),
            picture: text(body['avatar_url']),
          } as UserClaims)
        : undefined;
    },
  },
  grantTypeParam: true,
  // An OAuth app's tokens do not expire; a GitHub App's expiring ones come with a refresh token, which the backend relays.
  refresh: true,
  accessTokenLifetime: 28_800,
};
