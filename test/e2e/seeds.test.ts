import { expect } from 'chai';
import type { ProfileId } from '../../src/core/profiles/index.js';
import { authorize, control, mockOf, register, requestsOf, waitFor } from '../_mock.js';
import { appPath, decideConsent, deliver, openApp, type App } from './_harness.js';

const confidential = { token_endpoint_auth_method: 'client_secret_post' };

/** The backend route the test runner mounts for a confidential client (test/e2e/_backend.ts). */
const backendOf = (profile: ProfileId, clientId: string): string => `/api/oauth/${profile}/${clientId}/token`;

/**
 * Opens the app with a client of `profile` made from script, registered at the profile's mock with
 * `metadata`; a confidential one exchanges its code through its backend route.
 */
async function _openSeed(
  profile: ProfileId,
  metadata: Record<string, unknown>,
  config: Record<string, unknown> = {},
): Promise<App> {
  const { client_id: clientId } = await register([appPath], { scope: undefined, ...metadata }, mockOf(profile));
  const backend =
    metadata['token_endpoint_auth_method'] === confidential.token_endpoint_auth_method
      ? { tokenEndpoint: backendOf(profile, clientId) }
      : {};
  return openApp({ fromScript: true, issuer: mockOf(profile).issuer, clientId, profile, ...backend, ...config });
}

/** Starts a redirect sign-in and returns the authorization request as the provider got it. */
async function _authorizationRequest(app: App, profile: ProfileId): Promise<URL> {
  const path = `/mock/${profile}${mockOf(profile).endpoints?.authorization ?? '/authorize'}`;
  app.window.appClient.login({ mode: 'redirect' }).catch(() => undefined);
  return new URL(
    await waitFor(
      () => (app.document.location.pathname === path ? app.document.location.href : null),
      'the authorization request',
    ),
  );
}

/** Signs in through the consent page as Alice and waits for the app's oauth-login. */
async function _signIn(app: App, profile: ProfileId): Promise<{ request: URL; callback: URL }> {
  const request = await _authorizationRequest(app, profile);
  const callback = await authorize(Object.fromEntries(request.searchParams), 'approve', mockOf(profile));
  await deliver(app, callback.href);
  await _signedIn(app);
  return { request, callback };
}

/** Waits for the app's sign-in to end, and expects it to have succeeded. */
async function _signedIn(app: App): Promise<void> {
  await waitFor(
    () => app.events().find((event) => event === 'oauth-login' || event.startsWith('oauth-error')),
    'the sign-in to end',
  );
  expect(app.events()).to.include('oauth-login');
}

const tokenRequestsOf = async (app: App, path: string) =>
  (await requestsOf(app.clientId)).filter((entry) => entry.path === path);

describe('each seed provider signs in through the kit against its mock emulation', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it('redguy: implicit with the numeric scopes 1 2, the user read through the {code, comment, response} envelope', async () => {
    const app = await _openSeed(
      'redguy',
      { response_types: ['token'], grant_types: ['implicit'] },
      { flow: 'implicit', scope: '1 2' },
    );
    const request = await _authorizationRequest(app, 'redguy');
    expect(request.searchParams.get('response_type')).to.equal('token');
    expect(request.searchParams.get('scope')).to.equal('1 2');
    // The token comes back in the fragment, to the app's own frame, as a user's approval sends it.
    await decideConsent(() => app.window);
    await _signedIn(app);
    expect(app.window.appClient.session?.tokenType).to.equal('bearer');
    expect(app.window.appClient.user).to.deep.include({
      sub: 'alice',
      name: 'Alice Liddell',
      email: 'alice@example.com',
    });
    expect(app.window.appClient.session?.scope).to.equal('1 2');
    expect(app.window.location.hash, 'the token is scrubbed from the address bar').to.equal('');
    expect(await tokenRequestsOf(app, '/v1/auth/oauth/code')).to.have.length(0);
  });

  it('redguy: the code flow, exchanged by the backend with the secret, the user read through the envelope', async () => {
    const app = await _openSeed(
      'redguy',
      { ...confidential, response_types: ['code'], grant_types: ['authorization_code'] },
      { flow: 'code', scope: '1 2' },
    );
    const { request } = await _signIn(app, 'redguy');
    expect(request.searchParams.get('response_type')).to.equal('code');
    expect(app.window.appClient.user).to.deep.include({ sub: 'alice', name: 'Alice Liddell' });
    expect(
      (await tokenRequestsOf(app, '/v1/auth/oauth/code')).map((entry) => [entry.grantType, entry.status]),
    ).to.deep.equal([['authorization_code', 200]]);
  });

  it('one tag: a gearcode button made from its attributes alone signs in through the backend route', async () => {
    const { client_id: clientId } = await register(
      [appPath],
      { scope: undefined, ...confidential },
      mockOf('gearcode'),
    );
    const app = await openApp({
      issuer: mockOf('gearcode').issuer,
      clientId,
      profile: 'gearcode',
      tokenEndpoint: backendOf('gearcode', clientId),
    });
    expect(app.button().getAttribute('profile')).to.equal('gearcode');
    await _signIn(app, 'gearcode');
    expect(app.window.appClient.config.profile.id).to.equal('gearcode');
    expect((app.window.appClient.session?.expiresAt ?? 0) - Date.now()).to.be.within(880_000, 900_000);
    // gearcode has no user info endpoint and issues no id_token: the status knows a session, not a name.
    expect(app.statusText()).to.match(/^Signed in .*14 min \d+ s left/);
  });

  it('panel: code flow exchanged by the backend with the secret, the user read with ?access_token= at /api/user', async () => {
    const app = await _openSeed(
      'panel',
      { ...confidential, scope: 'user.read user.email' },
      { scope: 'user.read user.email' },
    );
    const { request } = await _signIn(app, 'panel');
    expect(request.searchParams.has('code_challenge'), 'panel takes no PKCE').to.equal(false);
    expect(app.window.appClient.user).to.deep.include({
      sub: 'alice',
      name: 'Alice Liddell',
      email: 'alice@example.com',
    });
    const exchanges = await tokenRequestsOf(app, '/oauth/token');
    expect(exchanges.map((entry) => [entry.grantType, entry.status])).to.deep.equal([['authorization_code', 200]]);
  });

  it('gearcode: code exchanged by the backend with resource_id, tokens of 899 s, then a refresh through the backend’s HttpOnly cookie; the refresh token never reaches the page', async () => {
    const app = await _openSeed('gearcode', confidential, { renewBefore: 897 });
    await _signIn(app, 'gearcode');
    const first = app.window.appClient.session;
    expect(first?.refreshToken, 'the backend keeps the refresh token').to.equal(undefined);
    expect(((first?.expiresAt ?? 0) - Date.now()) / 1000).to.be.within(890, 899);
    // renewBefore 897: the kit renews two seconds after signing in, through the backend's session cookie.
    const renewed = await waitFor(() => {
      const session = app.window.appClient.session;
      return session && session.accessToken !== first?.accessToken ? session : null;
    }, 'the refresh');
    expect(renewed.refreshToken).to.equal(undefined);
    expect(((renewed.expiresAt ?? 0) - Date.now()) / 1000).to.be.within(890, 899);
    // The cookie is HttpOnly: the page cannot read it, though the browser (a secure context on localhost) sent it.
    expect(app.window.document.cookie).not.to.include('oauth-elements');
    const grants = (await tokenRequestsOf(app, '/oauth/token')).map((entry) => [entry.grantType, entry.status]);
    expect(grants.slice(0, 2)).to.deep.equal([
      ['authorization_code', 200],
      ['refresh_token', 200],
    ]);
    const relayed = await fetch(backendOf('gearcode', app.clientId), {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: 'a-refresh-token-from-elsewhere',
        client_id: app.clientId,
      }),
    });
    expect((await relayed.json()).error, 'the backend relays no refresh token it is sent').to.equal('invalid_request');
    // Logout ends the backend's session: its cookie refreshes nothing any more.
    await app.window.appClient.logout();
    app.frame.remove();
    const after = await fetch(backendOf('gearcode', app.clientId), {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'refresh_token', client_id: app.clientId }),
    });
    expect((await after.json()).error).to.equal('invalid_grant');
    expect(
      (await tokenRequestsOf(app, '/oauth/token')).filter((entry) => entry.grantType === 'refresh_token'),
    ).to.have.length(1);
  });

  it('phpapi: no state echoed (the stateless path), the backend exchanges without grant_type, the user mapped to claims', async () => {
    const app = await _openSeed('phpapi', confidential);
    const { callback } = await _signIn(app, 'phpapi');
    expect(callback.searchParams.has('state')).to.equal(false);
    expect(app.window.appClient.user).to.deep.equal({
      sub: 'alice',
      preferred_username: 'alice',
      name: 'Alice Liddell',
      email: 'alice@example.com',
    });
    const exchanges = await tokenRequestsOf(app, '/api/token.php');
    expect(exchanges.map((entry) => [entry.grantType, entry.status])).to.deep.equal([[undefined, 200]]);
    expect(app.window.location.search, 'the code is scrubbed from the address bar').to.equal('');
  });

  it('phpapi: a 429 with Retry-After from its rate limit ends in one polite retry', async () => {
    const app = await _openSeed('phpapi', confidential);
    await control({
      command: 'scenario',
      scenario: { next: 'token', fault: 'rate_limited', retryAfter: 1, clientId: app.clientId, profile: 'phpapi' },
    });
    const started = Date.now();
    await _signIn(app, 'phpapi');
    expect(Date.now() - started).to.be.greaterThan(1000);
    expect((await tokenRequestsOf(app, '/api/token.php')).map((entry) => entry.status)).to.deep.equal([429, 200]);
    expect(app.window.appClient.user?.sub).to.equal('alice');
  });

  it('the browser client still refuses a client secret', async () => {
    const kit = await import('../../src/index.js');
    const error = (() => {
      try {
        kit.createClient({
          issuer: mockOf('gearcode').issuer,
          clientId: 'x',
          profile: 'gearcode',
          tokenEndpoint: '/api',
          clientSecret: 's',
        } as never);
      } catch (caught) {
        return caught as { code?: string };
      }
      return undefined;
    })();
    expect(error?.code).to.equal('secret_in_browser');
  });
});
