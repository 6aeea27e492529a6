// The headless core doing the job: a code + PKCE sign-in with id_token checks (jose loads lazily).
import { createClient } from '../../src/core/index.js';

const client = createClient({ issuer: 'https://id.example.com', clientId: 'spa', scope: 'openid profile' });
export const signIn = (): Promise<unknown> =>
  client.handleRedirect().then((session) => session ?? client.login({ mode: 'redirect' }));
export const token = (): Promise<string> => client.getAccessToken();

// What the app's own code calls (an app's Vite build keeps no exports of its entry).
Object.assign(globalThis, { signIn, token });
