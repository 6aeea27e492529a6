import { expect } from 'chai';
import { createStore, get } from 'idb-keyval';
import { authorize, control, issuer, registerClient, waitFor } from '../_mock.js';
import { appPath, deliver, openApp, startSignIn } from './_harness.js';

const removeFrames = (): void => document.querySelectorAll('iframe').forEach((frame) => frame.remove());

describe('start-up and aborts', () => {
  afterEach(removeFrames);

  it('a dead refresh token at start-up leaves a clean signed-out state', async () => {
    const clientId = await registerClient([appPath], {
      grant_types: ['authorization_code', 'refresh_token'],
      access_token_lifetime: 1,
    });
    await control({ command: 'sign_in_as', sub: 'alice', clientId });
    const first = await openApp({ clientId, fromScript: true, renewBefore: 0 });
    first.button().shadowRoot.querySelector('button')?.click();
    const { refreshToken, expiresAt } = await waitFor(() => first.window.appClient?.session, 'the sign-in');
    removeFrames();
    const revoked = await fetch(`${issuer}/revoke`, {
      method: 'POST',
      body: new URLSearchParams({ token: refreshToken ?? '', client_id: clientId }),
    });
    expect(revoked.status).to.equal(200);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, expiresAt! - Date.now()) + 20));
    const app = await openApp({ clientId, fromScript: true, renewBefore: 0 });
    await waitFor(() => app.statusText().includes('Signed out'), 'the status to say signed out');
    expect(app.window.appClient.session).to.equal(null);
    expect(
      await get(`session:${issuer} ${clientId} openid profile email`, createStore('oauth-elements', 'kv')),
    ).to.equal(undefined);
    const failure = await app.window.appClient.getAccessToken().then(
      () => 'token',
      (error: { code: string }) => error.code,
    );
    expect(failure).to.equal('login_required');
    expect(
      app.button().shadowRoot.querySelector('button:not([disabled])'),
      'the button offers sign-in again',
    ).to.not.equal(null);
  });

  it('an aborted token exchange ends in aborted and keeps nothing', async () => {
    const app = await openApp({ fromScript: true });
    const callback = await authorize(Object.fromEntries((await startSignIn(app)).searchParams));
    await deliver(app, appPath);
    await control({ command: 'scenario', scenario: { next: 'token', delay: 2000, clientId: app.clientId } });
    const controller = new AbortController();
    const pending = app.window.appClient.handleRedirect(callback.href, { signal: controller.signal });
    setTimeout(() => controller.abort(), 200);
    const failure = await pending.then(
      () => 'session',
      (error: { code: string }) => error.code,
    );
    expect(failure).to.equal('aborted');
    expect(app.window.appClient.session).to.equal(null);
  });
});
