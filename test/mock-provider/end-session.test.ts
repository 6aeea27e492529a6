import { expect } from 'chai';
import { generateKeyPair, SignJWT } from 'jose';
import { callback, codeFlow, cookieless, exchange, issuer, register } from '../_mock.js';

const signedOut = `${location.origin}/test/_callback.html?signed-out`;

/** Signs in a client that registered {@link signedOut} for logout, returning its tokens. */
async function signedIn(
  extra: Record<string, unknown> = {},
): Promise<{ clientId: string; id_token: string; access_token: string }> {
  const client = await register(['/test/_callback.html'], { post_logout_redirect_uris: [signedOut], ...extra });
  const { code, verifier } = await codeFlow(client.client_id);
  return { clientId: client.client_id, ...(await (await exchange(client.client_id, code, verifier)).json()) };
}

/** Calls the end-session endpoint without cookies, so that no test beside this one loses its provider session. */
function endSession(params: Record<string, string>): Promise<Response> {
  return cookieless.fetch(`${issuer}/end-session?${new URLSearchParams(params)}`);
}

describe('mock provider: RP-Initiated Logout', () => {
  it('advertises end_session_endpoint in discovery', async () => {
    const metadata = await (await fetch(`${issuer}/.well-known/openid-configuration`)).json();
    expect(metadata.end_session_endpoint).to.equal(`${issuer}/end-session`);
  });

  it('sends the user to a registered post_logout_redirect_uri with state, for an id_token_hint it issued', async () => {
    const { id_token } = await signedIn();
    const response = await endSession({ id_token_hint: id_token, post_logout_redirect_uri: signedOut, state: 'bye' });
    const url = new URL(response.url);
    expect(url.pathname).to.equal('/test/_callback.html');
    expect(url.searchParams.has('signed-out')).to.equal(true);
    expect(url.searchParams.get('state')).to.equal('bye');
  });

  it('accepts an expired id_token_hint', async () => {
    const { id_token } = await signedIn({ access_token_lifetime: 1 });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const response = await endSession({ id_token_hint: id_token, post_logout_redirect_uri: signedOut });
    expect(new URL(response.url).searchParams.has('signed-out')).to.equal(true);
  });

  it('refuses a post_logout_redirect_uri not registered for the client; its redirect_uris do not count', async () => {
    const { id_token, clientId } = await signedIn();
    for (const target of [callback, 'https://evil.example/']) {
      const response = await endSession({ id_token_hint: id_token, post_logout_redirect_uri: target });
      expect(response.status).to.equal(400);
      expect(new URL(response.url).pathname).to.equal('/mock/oidc/end-session');
    }
    expect(
      (await endSession({ client_id: clientId, post_logout_redirect_uri: signedOut })).redirected,
      'client_id names the client',
    ).to.equal(true);
    expect((await endSession({ post_logout_redirect_uri: signedOut })).status, 'no client named').to.equal(400);
  });

  it('refuses an id_token_hint it did not sign, an access token, or one for another client_id', async () => {
    const { id_token, access_token } = await signedIn();
    const { privateKey } = await generateKeyPair('ES256');
    const forged = await new SignJWT({ iss: issuer, sub: 'alice', aud: 'x' })
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);
    expect((await endSession({ id_token_hint: forged })).status).to.equal(400);
    expect((await endSession({ id_token_hint: access_token })).status).to.equal(400);
    expect((await endSession({ id_token_hint: id_token, client_id: 'someone-else' })).status).to.equal(400);
  });

  it('without post_logout_redirect_uri shows a plain signed-out page', async () => {
    const response = await endSession({});
    expect(response.status).to.equal(200);
    expect(response.headers.get('content-type')).to.include('text/html');
    expect(await response.text()).to.include('Signed out');
  });
});
