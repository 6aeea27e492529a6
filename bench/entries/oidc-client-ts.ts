// oidc-client-ts doing the same job: code + PKCE by redirect, id_token handled by the library.
import { UserManager } from 'oidc-client-ts';

const manager = new UserManager({
  authority: 'https://id.example.com',
  client_id: 'spa',
  redirect_uri: location.href,
  scope: 'openid profile',
});
export const signIn = (): Promise<unknown> =>
  new URLSearchParams(location.search).has('code') ? manager.signinRedirectCallback() : manager.signinRedirect();
export const token = async (): Promise<string | undefined> => (await manager.getUser())?.access_token;

// What the app's own code calls (an app's Vite build keeps no exports of its entry).
Object.assign(globalThis, { signIn, token });
