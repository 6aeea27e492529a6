import { expect } from 'chai';
import { authorize, waitFor } from '../_mock.js';
import { deliver, openApp, startSignIn } from '../e2e/_harness.js';

describe('marks', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it("marks a redirect sign-in's steps on the callback page in the order they happen, and no read of a transaction it did not read", async () => {
    const app = await openApp();
    const callback = await authorize(Object.fromEntries((await startSignIn(app)).searchParams));
    await deliver(app, callback.href);
    await waitFor(() => app.window.appClient.session, 'the sign-in');
    await waitFor(
      () => app.window.performance.getEntriesByName('oauth-elements:signed-in', 'mark').length,
      'the last step',
    );
    const steps = app.window.performance
      .getEntriesByType('mark')
      .map((mark) => mark.name)
      .filter((name) => name.startsWith('oauth-elements:'))
      .map((name) => name.slice('oauth-elements:'.length));
    // The stored session's read runs beside the sign-in, so its mark has no fixed place among these.
    expect(steps.filter((step) => step !== 'session-loaded')).to.deep.equal([
      'callback',
      'sign-in-code-loaded',
      'transaction-taken',
      'token-request',
      'token-response',
      'id-token-verified',
      'session-stored',
      'signed-in',
    ]);
  });
});
