import { expect } from 'chai';
import { authorize, issuer, waitFor } from '../_mock.js';
import { deliver, openApp, startSignIn, type App } from './_harness.js';
import { headerEchoPath } from './_header-echo.js';

// An API at another origin (127.0.0.1 for localhost) that answers which credentials reached it.
const elsewhere = new URL(location.origin.replace('localhost', '127.0.0.1'));
const foreignApi = `${elsewhere.origin}${headerEchoPath}`;

async function signedIn(options: Record<string, unknown> = {}): Promise<App> {
  const app = await openApp({ fromScript: true, ...options });
  await deliver(app, (await authorize(Object.fromEntries((await startSignIn(app)).searchParams))).href);
  await waitFor(() => app.window.appEvents.some((entry) => entry.type === 'oauth-login'), 'oauth-login');
  return app;
}

const received = async (response: Response): Promise<{ authorization: string | null; dpop: string | null }> =>
  response.json();

describe('client.fetch() attaches the token only to the page, the issuer and the origins the app lists', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it('sends the token to the issuer, and none to an origin the app does not list', async () => {
    expect(elsewhere.origin).not.to.equal(location.origin);
    const app = await signedIn();
    expect((await app.window.appClient.fetch(`${issuer}/userinfo`)).status).to.equal(200);
    expect(await received(await app.window.appClient.fetch(foreignApi))).to.deep.equal({
      authorization: null,
      dpop: null,
    });
  });

  it('sends no token and no DPoP proof to an unlisted origin from a DPoP client', async () => {
    const app = await signedIn({ dpop: true });
    expect(await received(await app.window.appClient.fetch(foreignApi))).to.deep.equal({
      authorization: null,
      dpop: null,
    });
  });

  it('sends the token to an origin listed in resourceOrigins', async () => {
    const app = await signedIn({ resourceOrigins: [elsewhere.origin] });
    expect(await received(await app.window.appClient.fetch(foreignApi))).to.deep.equal({
      authorization: 'Bearer',
      dpop: null,
    });
  });

  it('sends a DPoP-bound token with its proof to an origin listed in resourceOrigins', async () => {
    const app = await signedIn({ dpop: true, resourceOrigins: [elsewhere.origin] });
    expect(await received(await app.window.appClient.fetch(foreignApi))).to.deep.equal({
      authorization: 'DPoP',
      dpop: 'proof',
    });
  });
});
