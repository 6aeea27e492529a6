import { expect } from 'chai';
import { createStore, get } from 'idb-keyval';
import { profiles } from '../../src/core/profiles/index.js';
import { authorize, control, issuer, registerClient, requestsOf, waitFor } from '../_mock.js';
import { appPath, deliver, openApp, startSignIn, type App } from './_harness.js';

// RFC 9449 §5: a Bearer answer to a request with a proof means the provider did not bind the token.
// The mock's `ignoreDpop` scenario answers so once, as a provider without DPoP (or a downgrading one) would.

const userinfo = `${issuer}/userinfo`;

/** The mock's OpenID provider described without discovery, so its metadata advertises no DPoP. */
const unadvertised = {
  ...profiles.oidc,
  discovery: false,
  endpoints: { authorization: '/authorize', token: '/token', jwks: '/jwks', userinfo: '/userinfo' },
};

/** Starts a redirect sign-in with the next token response downgraded to Bearer, and delivers the callback. */
async function signInDowngraded(options: Record<string, unknown>): Promise<App> {
  const app = await openApp({ fromScript: true, ...options });
  await control({ command: 'scenario', scenario: { next: 'token', ignoreDpop: true, clientId: app.clientId } });
  await deliver(app, (await authorize(Object.fromEntries((await startSignIn(app)).searchParams))).href);
  await waitFor(
    () => app.events().find((event) => event === 'oauth-login' || event.startsWith('oauth-error')),
    'the sign-in to end',
  );
  return app;
}

const stored = (app: App) =>
  get(`session:${issuer} ${app.clientId} openid profile email`, createStore('oauth-elements', 'kv'));

describe('a DPoP client refuses a silent downgrade to Bearer', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it('refuses a Bearer token response from a provider that advertises DPoP, with invalid_token_response, and keeps nothing', async () => {
    const app = await signInDowngraded({ dpop: true });
    expect(app.events()).to.deep.equal(['oauth-error:invalid_token_response']);
    expect(app.window.appClient.session).to.equal(null);
    expect(await stored(app)).to.equal(undefined);
    const tokens = (await requestsOf(app.clientId))
      .filter((entry) => entry.path === '/token')
      .map((entry) => entry.status);
    expect(tokens, 'the provider did answer 200').to.deep.equal([200]);
  });

  it("refuses it even with dpop: 'prefer' when the provider advertises DPoP", async () => {
    const app = await signInDowngraded({ dpop: 'prefer' });
    expect(app.events()).to.deep.equal(['oauth-error:invalid_token_response']);
    expect(await stored(app)).to.equal(undefined);
  });

  it('refuses a Bearer answer from a provider that does not advertise DPoP, unless the app allows the fallback', async () => {
    const app = await signInDowngraded({ dpop: true, profile: unadvertised });
    expect(app.events()).to.deep.equal(['oauth-error:invalid_token_response']);
    expect(await stored(app)).to.equal(undefined);
  });

  it("takes a Bearer answer with dpop: 'prefer' from a provider that does not advertise DPoP, says so with dpop-fallback, and sends it as Bearer", async () => {
    const app = await signInDowngraded({ dpop: 'prefer', profile: unadvertised });
    expect(app.events()).to.deep.equal(['dpop-fallback', 'oauth-login']);
    expect(app.window.appClient.session?.tokenType).to.equal('Bearer');
    const response = await app.window.appClient.fetch(userinfo);
    expect(response.status).to.equal(200);
  });

  it('ends the session when a refresh of a bound session comes back Bearer, saying why', async () => {
    const clientId = await registerClient([appPath], {
      grant_types: ['authorization_code', 'refresh_token'],
      access_token_lifetime: 2,
    });
    const app = await openApp({ fromScript: true, dpop: true, clientId, renewBefore: 0 });
    await deliver(app, (await authorize(Object.fromEntries((await startSignIn(app)).searchParams))).href);
    await waitFor(() => app.window.appClient.session, 'the sign-in');
    expect(app.window.appClient.session?.tokenType).to.equal('DPoP');
    const errors: { code: string; cause?: unknown }[] = [];
    app.window.appClient.addEventListener('error', (event) => errors.push(event.error));
    await control({ command: 'scenario', scenario: { next: 'token', ignoreDpop: true, clientId } });
    await new Promise((resolve) =>
      setTimeout(resolve, Math.max(0, app.window.appClient.session!.expiresAt! - Date.now()) + 20),
    );
    const failure = await app.window.appClient.getAccessToken().then(
      () => 'a token',
      (error: { code: string }) => error.code,
    );
    expect(failure).to.equal('login_required');
    // The renewal's end is reported first, with its cause; a getAccessToken() that came after it finds the session gone.
    expect(errors.map((error) => `${error.code} ${(error.cause as { code?: string } | undefined)?.code}`)[0]).to.equal(
      'login_required invalid_token_response',
    );
    expect(errors.every((error) => error.code === 'login_required')).to.equal(true);
    expect(app.window.appClient.session).to.equal(null);
    expect(await stored(app)).to.equal(undefined);
    const refreshes = (await requestsOf(clientId))
      .filter((entry) => entry.grantType === 'refresh_token')
      .map((entry) => entry.status);
    expect(refreshes, 'the provider answered the refresh').to.deep.equal([200]);
  });
});
