import { expect } from 'chai';
import { control, registerClient, requestsOf, waitFor } from '../_mock.js';
import { appPath, openApp, stallTimers } from './_harness.js';

describe('renewal resumes when the page wakes up', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  const cases = [
    { wake: 'online', hidden: false },
    { wake: 'pageshow', hidden: false },
    { wake: 'visibilitychange', hidden: false },
    { wake: 'online', hidden: true },
  ] as const;
  for (const { wake, hidden } of cases) {
    it(`renews a token that expired while timers stalled, on ${wake}${hidden ? ', in a hidden tab too' : ''}`, async () => {
      const clientId = await registerClient([appPath], {
        grant_types: ['authorization_code', 'refresh_token'],
        access_token_lifetime: 1,
      });
      await control({ command: 'sign_in_as', sub: 'alice', clientId });
      const app = await openApp({ clientId, fromScript: true, renewBefore: 0 });
      app.button().shadowRoot.querySelector('button')?.click();
      const first = await waitFor(() => app.window.appClient?.session, 'the sign-in');
      stallTimers(app.window);
      if (hidden) Object.defineProperty(app.document, 'visibilityState', { value: 'hidden' });
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, first.expiresAt! - Date.now()) + 300));
      expect(app.window.appClient.session?.accessToken, 'no timer renewed it').to.equal(first.accessToken);
      const target = wake === 'visibilitychange' ? app.document : app.window;
      target.dispatchEvent(new Event(wake));
      await waitFor(
        () => app.window.appClient.session?.accessToken !== first.accessToken && app.window.appClient.session,
        'the renewal',
      );
      const refreshes = (await requestsOf(clientId)).filter((entry) => entry.grantType === 'refresh_token');
      expect(refreshes.map((entry) => entry.status)).to.deep.equal([200]);
    });
  }
});
