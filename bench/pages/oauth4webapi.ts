import * as oauth from 'oauth4webapi';
import { exposeBench } from './_bench.js';

// A minimal hand-written flow: discovery, code + PKCE by redirect, the exchange, the id_token claims.
// Renewal as one would write it by hand: the tokens in localStorage for every tab, and each tab
// refreshing 2 s before expiry unless it finds there a token another tab has already renewed.
const { clientId } = JSON.parse(localStorage.getItem('bench') ?? '{}') as { clientId: string };
const issuer = new URL(`${location.origin}/mock/oidc`);
const client: oauth.Client = { client_id: clientId };
const redirectUri = `${location.origin}${location.pathname}`;
const options = { [oauth.allowInsecureRequests]: true };
const server = async () => oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, options));
interface Tokens {
  access: string;
  refresh?: string | undefined;
  expiresAt: number;
}
const storageKey = `o4w-tokens:${clientId}`;
const stored = (): Tokens | undefined => JSON.parse(localStorage.getItem(storageKey) ?? 'null') ?? undefined;
let tokens: Tokens | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;

function keep(response: oauth.TokenEndpointResponse): void {
  tokens = {
    access: response.access_token,
    refresh: response.refresh_token,
    expiresAt: Date.now() + (response.expires_in ?? 3600) * 1000,
  };
  localStorage.setItem(storageKey, JSON.stringify(tokens));
  schedule();
}

function schedule(): void {
  clearTimeout(timer);
  if (!tokens?.refresh) return;
  timer = setTimeout(() => void renew(), Math.max(0, tokens.expiresAt - 2000 - Date.now()));
}

async function renew(): Promise<void> {
  const latest = stored();
  if (latest && latest.expiresAt - 2000 > Date.now()) {
    tokens = latest;
    return schedule();
  }
  if (!tokens?.refresh) return;
  const as = await server();
  const response = await oauth.refreshTokenGrantRequest(as, client, oauth.None(), tokens.refresh, options);
  keep(await oauth.processRefreshTokenResponse(as, client, response));
}

exposeBench({
  start: () =>
    void (async () => {
      const as = await server();
      const verifier = oauth.generateRandomCodeVerifier();
      const nonce = oauth.generateRandomNonce();
      const state = oauth.generateRandomState();
      sessionStorage.setItem('pkce', JSON.stringify({ verifier, nonce, state }));
      const url = new URL(as.authorization_endpoint!);
      url.search = new URLSearchParams({
        client_id: clientId,
        redirect_uri: redirectUri,
        response_type: 'code',
        scope: 'openid profile',
        code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        nonce,
        state,
      }).toString();
      location.assign(url);
    })(),
  finish: async () => {
    if (!new URLSearchParams(location.search).has('code')) {
      tokens = stored();
      schedule();
      return tokens?.access ?? null;
    }
    const as = await server();
    const { verifier, nonce, state } = JSON.parse(sessionStorage.getItem('pkce') ?? '{}') as {
      verifier: string;
      nonce: string;
      state: string;
    };
    const callback = oauth.validateAuthResponse(as, client, new URL(location.href), state);
    const response = await oauth.authorizationCodeGrantRequest(
      as,
      client,
      oauth.None(),
      callback,
      redirectUri,
      verifier,
      options,
    );
    keep(
      await oauth.processAuthorizationCodeResponse(as, client, response, {
        expectedNonce: nonce,
        requireIdToken: true,
      }),
    );
    history.replaceState(null, '', location.pathname);
    return tokens?.access ?? null;
  },
  token: async () => tokens?.access ?? '',
  signOut: async () => {
    clearTimeout(timer);
    tokens = undefined;
    localStorage.removeItem(storageKey);
  },
  changes: [],
});
