import { expect } from 'chai';
import { authorize, control, registerClient, requestsOf, waitFor } from '../_mock.js';
import { appPath, deliver, openApp, stallTimers, startSignIn, type App } from './_harness.js';

const tabs = 8;
const races = 20;
/** The access token's lifetime at the provider, in seconds: short, so that expiries come fast. */
const lifetime = 1;

describe('many tabs, one session', () => {
  let clientId: string;
  let apps: App[];

  before(async function () {
    this.timeout(60_000);
    clientId = await registerClient([appPath], {
      grant_types: ['authorization_code', 'refresh_token'],
      access_token_lifetime: lifetime,
    });
    await control({ command: 'sign_in_as', sub: 'alice', clientId });
    const first = await openApp({ clientId, fromScript: true, renewBefore: 0 });
    first.button().shadowRoot.querySelector('button')?.click();
    await waitFor(() => first.window.appClient?.session, 'the first tab to sign in');
    apps = [first];
    for (let index = 1; index < tabs; index += 1)
      apps.push(await openApp({ clientId, fromScript: true, renewBefore: 0 }));
    await waitFor(() => apps.every((app) => app.window.appClient?.session), 'every tab to share the session');
  });

  after(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it(`sends exactly one refresh per expiry across ${tabs} tabs, ${races} times, and never a rotated refresh token`, async function () {
    this.timeout(races * 3000);
    // Start from a token with time left, so that no refresh is in flight when the count begins.
    while (apps[0]!.window.appClient.session!.expiresAt! - Date.now() < 500) {
      await new Promise((resolve) =>
        setTimeout(resolve, Math.max(0, apps[0]!.window.appClient.session!.expiresAt! - Date.now()) + 5),
      );
      await Promise.all(apps.map((app) => app.window.appClient.getAccessToken()));
    }
    const refreshes = async () => (await requestsOf(clientId)).filter((entry) => entry.grantType === 'refresh_token');
    const baseline = (await refreshes()).length;
    let previous = apps[0]!.window.appClient.session!.accessToken;
    for (let race = 0; race < races; race += 1) {
      const before = (await refreshes()).length;
      const expiresAt = apps[0]!.window.appClient.session!.expiresAt!;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, expiresAt - Date.now()) + 5));
      const tokens = await Promise.all(apps.map((app) => app.window.appClient.getAccessToken()));
      const sent = (await refreshes()).length - before;
      expect(tokens, `race ${race}: the token was renewed`).not.to.include(previous);
      // One refresh, one token for all; a second only if the first token expired too before a slow tab asked (checked below).
      expect(new Set(tokens).size, `race ${race}: every tab has the token of one refresh`).to.be.at.most(sent);
      previous = tokens.at(-1)!;
    }
    const sent = (await refreshes()).slice(baseline);
    expect(
      sent.filter((entry) => entry.status !== 200),
      'refreshes refused (a rotated refresh token sent again)',
    ).to.deep.equal([]);
    // A refresh answered at `at` gives a token the tabs hold for `lifetime` from its arrival, after `at`: the next one comes no sooner.
    const early = sent.slice(1).filter((entry, index) => entry.at - sent[index]!.at < lifetime * 1000 - 5);
    expect(early, 'refreshes sent while the last token had not expired').to.deep.equal([]);
    expect(sent.length).to.be.at.least(races);
  });

  it('a tab that did not hear of a renewal takes the stored token instead of renewing again', async () => {
    // 3 s: time for the deaf tab to load and stall its timers before the token it loaded expires.
    const deafClient = await registerClient([appPath], {
      grant_types: ['authorization_code', 'refresh_token'],
      access_token_lifetime: 3,
    });
    await control({ command: 'sign_in_as', sub: 'alice', clientId: deafClient });
    const renewer = await openApp({ clientId: deafClient, fromScript: true, renewBefore: 0 });
    renewer.button().shadowRoot.querySelector('button')?.click();
    const first = await waitFor(() => renewer.window.appClient?.session, 'the sign-in');
    const deaf = await openApp({ clientId: deafClient, fromScript: true, renewBefore: 0, noBroadcastChannel: true });
    await waitFor(() => deaf.window.appClient?.session, 'the deaf tab to load the session');
    // It renews only when asked: no timer, no message from the renewer.
    stallTimers(deaf.window);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, first.expiresAt! - Date.now()) + 5));
    const renewed = await renewer.window.appClient.getAccessToken();
    expect(deaf.window.appClient.session?.accessToken, 'the deaf tab heard nothing').to.equal(first.accessToken);
    expect(await deaf.window.appClient.getAccessToken()).to.equal(renewed);
    const refreshes = (await requestsOf(deafClient)).filter((entry) => entry.grantType === 'refresh_token');
    expect(refreshes.map((entry) => entry.status)).to.deep.equal([200]);
  });

  it('a tab closed in the middle of a refresh does not wedge the others', async function () {
    this.timeout(20_000);
    await control({ command: 'scenario', scenario: { next: 'token', delay: 1500, clientId } });
    const [closing, ...others] = apps;
    const expiresAt = closing!.window.appClient.session!.expiresAt!;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, expiresAt - Date.now()) + 5));
    void closing!.window.appClient.getAccessToken().catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 100));
    closing!.frame.remove();
    const results = await Promise.allSettled(others.map((app) => app.window.appClient.getAccessToken()));
    const outcomes = new Set(
      results.map((result) => (result.status === 'fulfilled' ? 'token' : (result.reason as { code: string }).code)),
    );
    expect(outcomes.size, 'every remaining tab ends in the same state').to.equal(1);
    expect(['token', 'login_required']).to.include([...outcomes][0]);
  });
});

describe('sign-in and sign-out reach every tab', () => {
  after(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it(`tells ${tabs - 1} other tabs of a sign-in and of a sign-out in one tab, with no reload`, async function () {
    this.timeout(60_000);
    const clientId = await registerClient([appPath]);
    const apps: App[] = [];
    for (let index = 0; index < tabs; index += 1) apps.push(await openApp({ clientId, fromScript: true }));
    const [first, ...others] = apps as [App, ...App[]];
    const callback = await authorize(Object.fromEntries((await startSignIn(first)).searchParams));
    await deliver(first, appPath);
    const heard = (): Promise<number[]> =>
      Promise.all(
        apps.map(
          (app) =>
            new Promise<number>((resolve) =>
              app.window.appClient.addEventListener('change', () => resolve(performance.now()), { once: true }),
            ),
        ),
      );
    const signIn = heard();
    await first.window.appClient.handleRedirect(callback.href);
    const signedIn = await signIn;
    expect(
      others.every((app) => app.window.appClient.session?.user?.sub === 'alice'),
      'every tab signed in',
    ).to.equal(true);
    const signOut = heard();
    await first.window.appClient.logout();
    const signedOut = await signOut;
    expect(
      others.every((app) => app.window.appClient.session === null),
      'every tab signed out',
    ).to.equal(true);
    // How fast is measured by `npm run bench`, not here; here every tab must hear it, after the tab that acted.
    for (const times of [signedIn, signedOut]) expect(Math.min(...times.slice(1))).to.be.at.least(times[0]!);
  });
});
