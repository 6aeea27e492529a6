import { expect } from 'chai';
import { waitFor } from '../_mock.js';
import { openApp, type App } from './_harness.js';

const opIssuer = `${location.origin}/op`;

/** Signs in through oidc-provider's own login and consent pages, shown in the app's frame. */
async function signInAtRealProvider(app: App): Promise<void> {
  app.button().shadowRoot.querySelector('button')?.click();
  const login = await waitFor(() => app.document.querySelector<HTMLFormElement>('form input[name="login"]')?.form, 'the login page');
  (login.querySelector('input[name="login"]') as HTMLInputElement).value = 'carol';
  (login.querySelector('input[name="password"]') as HTMLInputElement).value = 'any';
  login.requestSubmit();
  const consent = await waitFor(() => {
    const form = app.document.querySelector<HTMLFormElement>('form');
    return form && !form.querySelector('input[name="login"]') && app.document.location.pathname.includes('/op/') ? form : null;
  }, 'the consent page');
  consent.requestSubmit();
}

describe('sign-in against panva’s oidc-provider, a provider we did not write', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it('signs in, refreshes with rotation and signs out with revocation, nothing special-cased', async () => {
    // Its access tokens live an hour: due for renewal two seconds after sign-in.
    const app = await openApp({ issuer: opIssuer, clientId: 'kit', scope: 'openid profile', fromScript: true, renewBefore: 3598 });
    await signInAtRealProvider(app);
    await waitFor(() => app.events().includes('oauth-login'), 'oauth-login', 15_000).catch((error: Error) => {
      throw new Error(`${error.message}; events: ${app.events().join(', ')}; at ${app.document.location.href}; ${app.document.body.innerText.slice(0, 300)}`);
    });
    await waitFor(() => app.statusText().includes('Signed in as Real carol'), 'the status to show the user');
    const first = app.window.appClient.session!;
    expect(first.refreshToken).to.be.a('string');
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, first.expiresAt! - 3598_000 - Date.now()) + 50));

    const token = await app.window.appClient.getAccessToken();
    const second = app.window.appClient.session!;
    expect(token).to.equal(second.accessToken);
    expect(second.accessToken).not.to.equal(first.accessToken);
    expect(second.refreshToken).not.to.equal(first.refreshToken);

    await app.window.appClient.logout();
    expect(app.window.appClient.session).to.equal(null);
    const reuse = await fetch(`${opIssuer}/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: second.refreshToken!, client_id: 'kit' }),
    });
    expect((await reuse.json()).error).to.equal('invalid_grant');
  });
});
