import { expect } from 'chai';
import { createStore, get } from 'idb-keyval';
import { authorize, control, issuer, registerClient, requestsOf, waitFor } from '../_mock.js';
import { appPath, deliver, openApp, startSignIn, type App } from './_harness.js';

const userinfo = `${issuer}/userinfo`;

async function signIn(options: Record<string, unknown> = {}): Promise<App> {
  const app = await openApp({ fromScript: true, dpop: true, ...options });
  const request = await startSignIn(app);
  await deliver(app, (await authorize(Object.fromEntries(request.searchParams))).href);
  await waitFor(() => app.window.appEvents.some((entry) => entry.type === 'oauth-login'), 'oauth-login');
  return app;
}

describe('a DPoP client against the mock provider', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it('signs in with DPoP-bound tokens that client.fetch() uses and a Bearer request cannot', async () => {
    const app = await signIn();
    const session = app.window.appClient.session!;
    expect(session.tokenType).to.equal('DPoP');
    const response = await app.window.appClient.fetch(userinfo);
    expect(response.status).to.equal(200);
    expect((await response.json()).sub).to.equal('alice');
    expect((await fetch(userinfo, { headers: { authorization: `Bearer ${session.accessToken}` } })).status).to.equal(
      401,
    );
  });

  it('refreshes a bound token with a proof of the same key', async () => {
    const clientId = await registerClient([appPath], {
      grant_types: ['authorization_code', 'refresh_token'],
      access_token_lifetime: 3,
    });
    const app = await signIn({ clientId, renewBefore: 0 });
    const first = app.window.appClient.session!.accessToken;
    await new Promise((resolve) =>
      setTimeout(resolve, Math.max(0, app.window.appClient.session!.expiresAt! - Date.now()) + 10),
    );
    const renewed = await app.window.appClient.getAccessToken();
    expect(renewed).not.to.equal(first);
    expect((await app.window.appClient.fetch(userinfo)).status).to.equal(200);
    const refreshes = (await requestsOf(clientId)).filter((entry) => entry.grantType === 'refresh_token');
    expect(refreshes.map((entry) => entry.status)).to.deep.equal([200]);
  });

  it('retries once with the nonce the token endpoint asks for, and so does client.fetch() at a resource', async () => {
    const clientId = await registerClient([appPath]);
    await control({ command: 'scenario', scenario: { next: 'dpop_nonce', clientId } });
    const app = await signIn({ clientId });
    const tokenStatuses = (await requestsOf(clientId))
      .filter((entry) => entry.path === '/token')
      .map((entry) => entry.status);
    expect(tokenStatuses).to.deep.equal([400, 200]);
    await control({ command: 'scenario', scenario: { next: 'dpop_nonce', clientId } });
    expect((await app.window.appClient.fetch(userinfo)).status).to.equal(200);
    const userinfoStatuses = (await requestsOf(clientId))
      .filter((entry) => entry.path === '/userinfo')
      .map((entry) => entry.status);
    expect(userinfoStatuses.slice(-2)).to.deep.equal([401, 200]);
  });

  it('through the app’s backend: the proof names the provider’s token endpoint (RFC 9449 §4.3) and is forwarded, so the tokens are bound, at sign-in and at a refresh', async () => {
    const clientId = await registerClient([appPath], {
      token_endpoint_auth_method: 'client_secret_post',
      grant_types: ['authorization_code', 'refresh_token'],
      access_token_lifetime: 3,
    });
    const app = await signIn({ clientId, tokenEndpoint: `/api/oauth/oidc/${clientId}/token`, renewBefore: 0 });
    const session = app.window.appClient.session!;
    expect(session.tokenType).to.equal('DPoP');
    expect(session.refreshToken, 'the backend keeps the refresh token').to.equal(undefined);
    expect((await fetch(userinfo, { headers: { authorization: `Bearer ${session.accessToken}` } })).status).to.equal(
      401,
    );
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, session.expiresAt! - Date.now()) + 10));
    const renewed = await app.window.appClient.getAccessToken();
    expect(renewed).not.to.equal(session.accessToken);
    expect(app.window.appClient.session!.tokenType).to.equal('DPoP');
    expect((await app.window.appClient.fetch(userinfo)).status).to.equal(200);
    const grants = (await requestsOf(clientId))
      .filter((entry) => entry.path === '/token')
      .map((entry) => [entry.grantType, entry.status]);
    expect(grants).to.deep.equal([
      ['authorization_code', 200],
      ['refresh_token', 200],
    ]);
  });

  it("through the app's backend: the provider's use_dpop_nonce comes back to the browser with its DPoP-Nonce, and the retried proof carries it (RFC 9449 §8)", async () => {
    const clientId = await registerClient([appPath], { token_endpoint_auth_method: 'client_secret_post' });
    await control({ command: 'scenario', scenario: { next: 'dpop_nonce', clientId } });
    const app = await signIn({ clientId, tokenEndpoint: `/api/oauth/oidc/${clientId}/token` });
    expect(app.window.appClient.session?.tokenType).to.equal('DPoP');
    const tokenStatuses = (await requestsOf(clientId))
      .filter((entry) => entry.path === '/token')
      .map((entry) => entry.status);
    expect(tokenStatuses, 'the provider asked for a nonce, then took the retry').to.deep.equal([400, 200]);
    expect((await app.window.appClient.fetch(userinfo)).status).to.equal(200);
  });

  it('keeps the private key non-extractable in IndexedDB and forgets it on sign-out', async () => {
    const app = await signIn();
    const database = createStore('oauth-elements', 'kv');
    const pair = (await get('key:dpop', database)) as CryptoKeyPair;
    expect(pair.privateKey.extractable).to.equal(false);
    await app.window.appClient.logout();
    expect(await get('key:dpop', database)).to.equal(undefined);
  });
});
