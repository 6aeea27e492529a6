import { expect } from 'chai';
import { authorize, control, registerClient, requestsOf, waitFor } from '../_mock.js';
import { appPath, deliver, openApp, startSignIn, type App } from './_harness.js';

const untilExpiry = (app: App): Promise<unknown> =>
  new Promise((resolve) =>
    setTimeout(resolve, Math.max(0, app.window.appClient.session!.expiresAt! - Date.now()) + 20),
  );

describe('silent renewal in a hidden frame with prompt=none, for a session without a refresh token', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it('renews while the provider still knows the user, and leaves no frame behind', async () => {
    const clientId = await registerClient([appPath], { access_token_lifetime: 2 });
    const app = await openApp({ clientId, fromScript: true, renewBefore: 0 });
    await deliver(app, (await authorize(Object.fromEntries((await startSignIn(app)).searchParams))).href);
    await waitFor(() => app.window.appClient.session, 'the sign-in');
    const first = app.window.appClient.session!;
    expect(first.refreshToken).to.equal(undefined);
    await untilExpiry(app);
    const renewed = await app.window.appClient.getAccessToken();
    expect(renewed).not.to.equal(first.accessToken);
    expect(app.window.appClient.session?.user?.sub).to.equal('alice');
    const grants = (await requestsOf(clientId))
      .filter((entry) => entry.path === '/token')
      .map((entry) => `${entry.grantType} ${entry.status}`);
    expect(grants).to.deep.equal(['authorization_code 200', 'authorization_code 200']);
    expect(app.document.querySelectorAll('iframe')).to.have.length(0);
  });

  it('ends in login_required and a clean signed-out state when the provider would have to ask the user', async () => {
    const clientId = await registerClient([appPath], { access_token_lifetime: 1 });
    await control({ command: 'sign_in_as', sub: 'alice', clientId });
    const app = await openApp({ clientId, fromScript: true, renewBefore: 0 });
    app.button().shadowRoot.querySelector('button')?.click();
    // On the event, not on the session: a one-second token may already have been renewed away when a loaded machine looks.
    await waitFor(() => app.events().includes('oauth-login'), 'the scripted sign-in');
    await waitFor(() => (app.window.appClient.session?.expiresAt ?? 0) <= Date.now(), 'the token to expire');
    const failure = await app.window.appClient.getAccessToken().then(
      () => 'token',
      (error: { code: string }) => error.code,
    );
    expect(failure).to.equal('login_required');
    expect(app.window.appClient.session).to.equal(null);
    expect(app.window.appSessions).to.include('signed-in');
    expect(app.window.appSessions.at(-1)).to.equal('signed-out');
    expect(app.document.querySelectorAll('iframe')).to.have.length(0);
  });
});
