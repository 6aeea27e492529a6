import * as oauth from 'oauth4webapi';
import { exposeBench } from './_bench.js';

// A minimal hand-written flow: discovery, code + PKCE by redirect, the exchange, the id_token claims.
const { clientId } = JSON.parse(localStorage.getItem('bench') ?? '{}') as { clientId: string };
const issuer = new URL(`${location.origin}/mock/oidc`);
const client: oauth.Client = { client_id: clientId };
const redirectUri = `${location.origin}${location.pathname}`;
const options = { [oauth.allowInsecureRequests]: true };
const server = async () => oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, options));
let token: string | undefined;
exposeBench({
  start: () =>
    void (async () => {
      const as = await server();
      const verifier = oauth.generateRandomCodeVerifier();
      const nonce = oauth.generateRandomNonce();
      const state = oauth.generateRandomState();
      sessionStorage.setItem('pkce', JSON.stringify({ verifier, nonce, state }));
      const url = new URL(as.authorization_endpoint!);
      url.search = new URLSearchParams({ client_id: clientId, redirect_uri: redirectUri, response_type: 'code', scope: 'openid profile', code_challenge: await oauth.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256', nonce, state }).toString();
      location.assign(url);
    })(),
  finish: async () => {
    if (!new URLSearchParams(location.search).has('code')) return null;
    const as = await server();
    const { verifier, nonce, state } = JSON.parse(sessionStorage.getItem('pkce') ?? '{}') as { verifier: string; nonce: string; state: string };
    const callback = oauth.validateAuthResponse(as, client, new URL(location.href), state);
    const response = await oauth.authorizationCodeGrantRequest(as, client, oauth.None(), callback, redirectUri, verifier, options);
    token = (await oauth.processAuthorizationCodeResponse(as, client, response, { expectedNonce: nonce, requireIdToken: true })).access_token;
    return token;
  },
  token: async () => token ?? '',
  signOut: async () => void (token = undefined),
  changes: [],
});
