import { expect } from 'chai';
import { createStore, get } from 'idb-keyval';
import { authorize, issuer, registerClient, requestsOf, waitFor } from '../_mock.js';
import { appPath, deliver, openApp, type App } from './_harness.js';

type Kit = typeof import('../../src/index.js');

const kitIn = (app: App): Promise<Kit> =>
  (app.window as unknown as { eval(code: string): Promise<Kit> }).eval("import('/src/index.ts')");

/** A second client of the app's page starts a redirect sign-in: the authorization request it sent. */
async function secondSignIn(app: App, clientId: string): Promise<URL> {
  void (await kitIn(app))
    .createClient({ issuer, clientId })
    .login({ mode: 'redirect' })
    .catch(() => undefined);
  return new URL(
    await waitFor(
      () => (app.document.location.pathname.endsWith('/authorize') ? app.document.location.href : null),
      'the authorization request',
    ),
  );
}

describe('two clients on one page', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it('leaves a callback to the client whose sign-in it answers, whichever client looks first', async () => {
    const app = await openApp({ fromScript: true });
    const other = await registerClient([appPath]);
    const request = await secondSignIn(app, other);
    await deliver(app, (await authorize(Object.fromEntries(request.searchParams))).href);
    await app.window.appClient.ready();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(
      app.window.appEvents.filter((entry) => entry.type === 'oauth-error'),
      'the first client raises nothing',
    ).to.deep.equal([]);
    expect(app.window.appClient.session).to.equal(null);
    expect(app.window.location.search, 'the address bar is scrubbed at once').to.equal('');
    const late = (await kitIn(app)).createClient({ issuer, clientId: other });
    const session = await late.handleRedirect();
    expect(session?.user?.sub).to.equal('alice');
  });

  it('refuses a malformed callback once, in the client that looks first; a client made later finds none; nothing redeemed or stored', async () => {
    const app = await openApp({ fromScript: true });
    const other = await registerClient([appPath]);
    const callback = await authorize(Object.fromEntries((await secondSignIn(app, other)).searchParams));
    // A second state beside the real one: which of them would the provider have sent? (RFC 6749 §3.1)
    await deliver(app, `${callback.href}&state=${encodeURIComponent(callback.searchParams.get('state') ?? '')}`);
    const refusal = await waitFor(
      () => app.window.appEvents.find((entry) => entry.type === 'oauth-error'),
      "the page's own client to refuse it",
    );
    expect(refusal.code).to.equal('invalid_callback');
    expect(app.window.location.search, 'the address bar is scrubbed at once').to.equal('');
    const late = (await kitIn(app)).createClient({ issuer, clientId: other });
    expect(await late.handleRedirect(), 'the refused callback is gone from the page').to.equal(null);
    expect(late.session).to.equal(null);
    expect(app.window.appClient.session).to.equal(null);
    for (const clientId of [app.clientId, other]) {
      expect(
        (await requestsOf(clientId)).filter((entry) => entry.path === '/token'),
        clientId,
      ).to.deep.equal([]);
      expect(
        await get(`session:${issuer} ${clientId} openid profile email`, createStore('oauth-elements', 'kv')),
        `no session stored for ${clientId}`,
      ).to.equal(undefined);
    }
  });
});
