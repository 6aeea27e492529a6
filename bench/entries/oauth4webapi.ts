// oauth4webapi doing the same job by hand: discovery, code + PKCE, the code exchange and the id_token claims.
import * as oauth from 'oauth4webapi';

const issuer = new URL('https://id.example.com');
const client: oauth.Client = { client_id: 'spa' };
const redirectUri = `${location.origin}${location.pathname}`;

export async function signIn(): Promise<unknown> {
  const as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer));
  const params = new URLSearchParams(location.search);
  if (!params.has('code')) {
    const verifier = oauth.generateRandomCodeVerifier();
    const nonce = oauth.generateRandomNonce();
    sessionStorage.setItem('pkce', JSON.stringify({ verifier, nonce }));
    const url = new URL(as.authorization_endpoint!);
    url.search = new URLSearchParams({
      client_id: client.client_id,
      redirect_uri: redirectUri,
      response_type: 'code',
      scope: 'openid profile',
      code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      nonce,
    }).toString();
    location.assign(url);
    return null;
  }
  const { verifier, nonce } = JSON.parse(sessionStorage.getItem('pkce') ?? '{}') as { verifier: string; nonce: string };
  const callback = oauth.validateAuthResponse(as, client, new URL(location.href), oauth.expectNoState);
  const response = await oauth.authorizationCodeGrantRequest(as, client, oauth.None(), callback, redirectUri, verifier);
  return oauth.processAuthorizationCodeResponse(as, client, response, { expectedNonce: nonce, requireIdToken: true });
}

// What the app's own code calls (an app's Vite build keeps no exports of its entry).
Object.assign(globalThis, { signIn });
