import { expect } from 'chai';
import { authorize, issuer, waitFor } from '../_mock.js';
import { deliver, openApp, startSignIn, type App } from './_harness.js';

// The same mock provider reached at another origin (127.0.0.1 for localhost): its userinfo answers
// `invalid_request` to a request without a token, `invalid_token` to one with a token (the token's
// issuer is the localhost one), so its answer tells whether the token went along.
const elsewhere = new URL(location.origin.replace('localhost', '127.0.0.1'));
const foreignUserinfo = `${elsewhere.origin}/mock/oidc/userinfo`;

async function signedIn(options: Record<string, unknown> = {}): Promise<App> {
  const app = await openApp({ fromScript: true, ...options });
  await deliver(app, (await authorize(Object.fromEntries((await startSignIn(app)).searchParams))).href);
  await waitFor(() => app.window.appEvents.some((entry) => entry.type === 'oauth-login'), 'oauth-login');
  return app;
}

const errorOf = async (response: Response): Promise<string> => ((await response.json()) as { error?: string }).error ?? `status ${response.status}`;

describe('client.fetch() attaches the token only to the page, the issuer and the origins the app lists', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it('sends the token to the issuer, and none to an origin the app does not list', async () => {
    expect(elsewhere.origin).not.to.equal(location.origin);
    const app = await signedIn();
    expect((await app.window.appClient.fetch(`${issuer}/userinfo`)).status).to.equal(200);
    expect(await errorOf(await app.window.appClient.fetch(foreignUserinfo))).to.equal('invalid_request');
  });

  it('sends no token and no DPoP proof to an unlisted origin from a DPoP client', async () => {
    const app = await signedIn({ dpop: true });
    const response = await app.window.appClient.fetch(foreignUserinfo);
    expect(await errorOf(response)).to.equal('invalid_request');
  });

  it('sends the token to an origin listed in resourceOrigins', async () => {
    const app = await signedIn({ resourceOrigins: [elsewhere.origin] });
    expect(await errorOf(await app.window.appClient.fetch(foreignUserinfo))).to.equal('invalid_token');
  });
});
