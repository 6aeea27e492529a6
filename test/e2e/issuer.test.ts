// A configured issuer with a trailing slash the metadata does not have (OpenID Connect Discovery 1.0 §4.3,
// RFC 8414 §3.3), against the kit's mock; the other shape runs against oidc-provider (real-provider.test.ts).
import { expect } from 'chai';
import { issuer, waitFor } from '../_mock.js';
import { clickButton, decideConsent, openApp, watchPopups, type App } from './_harness.js';

async function expectSignedIn(app: App): Promise<void> {
  await waitFor(
    () => app.events().includes('oauth-login') || app.events().some((event) => event.startsWith('oauth-error')),
    'oauth-login',
  );
  expect(app.events()).to.include('oauth-login');
  await waitFor(() => app.statusText().includes('Signed in as Alice Liddell'), 'the status to show the user');
}

describe('an issuer configured with a trailing slash its metadata does not have', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it('signs in by redirect with the button’s attributes, and checks iss against the metadata’s own string (RFC 9207)', async () => {
    const app = await openApp({ issuer: `${issuer}/`, mode: 'redirect' });
    app.button().shadowRoot.querySelector('button')?.click();
    const request = new URL(
      await waitFor(
        () => (app.document.location.pathname.endsWith('/authorize') ? app.document.location.href : null),
        'the authorization request',
      ),
    );
    expect(request.href.startsWith(`${issuer}/authorize?`)).to.equal(true);
    await decideConsent(() => app.window);
    await expectSignedIn(app);
  });

  it('signs in by popup with createClient', async () => {
    const app = await openApp({ issuer: `${issuer}/`, mode: 'popup', fromScript: true });
    const popups = watchPopups(app);
    await clickButton(app);
    await decideConsent(() => popups[0] ?? null);
    await expectSignedIn(app);
    expect(app.window.appClient.session?.user?.sub).to.equal('alice');
  });
});
