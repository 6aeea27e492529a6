import { expect } from 'chai';
import { authorize, issuer, registerClient, waitFor } from '../_mock.js';
import { appPath, deliver, openApp } from './_harness.js';

type Kit = typeof import('../../src/index.js');

describe('two clients on one page', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it('leaves a callback to the client whose sign-in it answers, whichever client looks first', async () => {
    const app = await openApp({ fromScript: true });
    const kitOf = (): Promise<Kit> =>
      (app.window as unknown as { eval(code: string): Promise<Kit> }).eval("import('/src/index.ts')");
    const other = await registerClient([appPath]);
    const second = (await kitOf()).createClient({ issuer, clientId: other });
    void second.login({ mode: 'redirect' }).catch(() => undefined);
    const request = new URL(
      await waitFor(
        () => (app.document.location.pathname.endsWith('/authorize') ? app.document.location.href : null),
        'the authorization request',
      ),
    );
    await deliver(app, (await authorize(Object.fromEntries(request.searchParams))).href);
    await app.window.appClient.ready();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(
      app.window.appEvents.filter((entry) => entry.type === 'oauth-error'),
      'the first client raises nothing',
    ).to.deep.equal([]);
    expect(app.window.appClient.session).to.equal(null);
    expect(app.window.location.search, 'the address bar is scrubbed at once').to.equal('');
    const late = (await kitOf()).createClient({ issuer, clientId: other });
    const session = await late.handleRedirect();
    expect(session?.user?.sub).to.equal('alice');
  });
});
