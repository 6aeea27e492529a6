import { expect } from 'chai';
import { createStore, get } from 'idb-keyval';
import { authorize, control, issuer, registerClient, requestsOf, waitFor } from '../_mock.js';
import { appPath, deliver, openApp, startSignIn, type App } from './_harness.js';

/** Signs Alice in through the mock provider with a client whose access tokens live `lifetime` seconds. */
async function signedIn(lifetime: number, extra: Record<string, unknown> = {}): Promise<App> {
  const clientId = await registerClient([appPath], { access_token_lifetime: lifetime, ...extra });
  const app = await openApp({ clientId, fromScript: true, renewBefore: 0 });
  await deliver(app, (await authorize(Object.fromEntries((await startSignIn(app)).searchParams))).href);
  await waitFor(() => app.window.appClient.session, 'the sign-in');
  expect(app.window.appClient.user?.sub).to.equal('alice');
  return app;
}

const stored = (app: App) =>
  get(`session:${issuer} ${app.clientId} openid profile email`, createStore('oauth-elements', 'kv'));

/**
 * Waits for the renewal the client's own timer starts at expiry (renewBefore 0) and returns the error code it
 * ends with, checking that the session ended, nothing is stored, and a token is refused after it. (A call at
 * expiry raced that timer: a renewal done within the call's 20 ms left it only login_required to say.)
 */
async function renewalRefusal(app: App): Promise<string> {
  const changes: (string | null)[] = [];
  const errors: string[] = [];
  app.window.appClient.addEventListener('change', (event) => changes.push(event.session?.user?.sub ?? null));
  app.window.appClient.addEventListener('error', (event) => errors.push(event.error.code));
  const code = await new Promise<string>((resolve) =>
    app.window.appClient.addEventListener('error', (event) => resolve(event.error.code), { once: true }),
  );
  expect(app.window.appClient.session, 'the session ended').to.equal(null);
  expect(await stored(app), 'nothing stored').to.equal(undefined);
  expect(changes, 'no listener ever saw another user').to.deep.equal([null]);
  expect(errors, 'one error event says why').to.deep.equal([code]);
  const after = await app.window.appClient.getAccessToken().then(
    () => 'a token',
    (error: { code: string }) => error.code,
  );
  expect(after, 'nobody is signed in after it').to.equal('login_required');
  return code;
}

describe('a renewal keeps the signed-in user, or ends the session', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it('ends the session with user_mismatch when a prompt=none renewal comes back for another user, and keeps nothing of theirs', async () => {
    const app = await signedIn(2);
    expect(app.window.appClient.session?.refreshToken).to.equal(undefined);
    // The provider's session changed hands: its next authorization for this client is Bob's.
    await control({ command: 'sign_in_as', sub: 'bob', clientId: app.clientId });
    expect(await renewalRefusal(app)).to.equal('user_mismatch');
    const grants = (await requestsOf(app.clientId))
      .filter((entry) => entry.path === '/token')
      .map((entry) => `${entry.grantType} ${entry.status}`);
    expect(grants, 'the renewal reached the provider').to.deep.equal([
      'authorization_code 200',
      'authorization_code 200',
    ]);
  });

  it('ends the session with user_mismatch when a refreshed id_token is about another user', async () => {
    const app = await signedIn(2, { grant_types: ['authorization_code', 'refresh_token'] });
    expect(app.window.appClient.session?.refreshToken).to.be.a('string');
    await control({ command: 'scenario', scenario: { next: 'id_token', fault: 'other_sub', clientId: app.clientId } });
    expect(await renewalRefusal(app)).to.equal('user_mismatch');
  });

  it('refuses an id_token issued a day in the future from a prompt=none renewal (OpenID Connect Core §3.1.3.7 step 10)', async () => {
    const app = await signedIn(2);
    await control({ command: 'scenario', scenario: { next: 'id_token', fault: 'future_iat', clientId: app.clientId } });
    expect(await renewalRefusal(app)).to.equal('login_required');
  });

  it('refuses an id_token issued a day in the future from a refresh', async () => {
    const app = await signedIn(2, { grant_types: ['authorization_code', 'refresh_token'] });
    await control({ command: 'scenario', scenario: { next: 'id_token', fault: 'future_iat', clientId: app.clientId } });
    expect(await renewalRefusal(app)).to.equal('login_required');
  });
});
