// @auth0/auth0-spa-js doing the same job: code + PKCE by redirect, id_token checked by the library.
import { createAuth0Client } from '@auth0/auth0-spa-js';

const client = createAuth0Client({
  domain: 'id.example.com',
  clientId: 'spa',
  authorizationParams: { redirect_uri: location.href, scope: 'openid profile' },
});
export const signIn = async (): Promise<unknown> =>
  new URLSearchParams(location.search).has('code')
    ? (await client).handleRedirectCallback()
    : (await client).loginWithRedirect();
export const token = async (): Promise<string | undefined> => (await client).getTokenSilently();

// What the app's own code calls (an app's Vite build keeps no exports of its entry).
Object.assign(globalThis, { signIn, token });
