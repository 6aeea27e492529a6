import { expect } from 'chai';
import { sendMouse } from '@web/test-runner-commands';
import { get, createStore } from 'idb-keyval';
import { callback, control, issuer, registerClient, waitFor } from '../_mock.js';
import { backUntil, leavePage, returnToPage } from '../_focus.js';
import {
  appPath,
  clickButton,
  decideConsent,
  deliver,
  openApp,
  pointAtButton,
  pressForPopup,
  watchPopups,
  type App,
} from './_harness.js';

const database = createStore('oauth-elements', 'kv');
const storedSession = (app: App) => get(`session:${issuer} ${app.clientId} openid profile email`, database);

/** What a dump of IndexedDB shows: ciphertext, and a key that cannot be exported. */
async function expectSealedAtRest(app: App, accessToken: string): Promise<void> {
  const raw = (await storedSession(app)) as Record<string, unknown>;
  expect(raw.sealed).to.equal(1);
  const dump = JSON.stringify(raw);
  for (const secret of [accessToken, 'alice', 'Alice']) expect(dump).not.to.include(secret);
  const key = (await get('key:seal', database)) as CryptoKey;
  expect(key.extractable).to.equal(false);
  const exported = await crypto.subtle.exportKey('raw', key).then(
    () => 'exported',
    (error: Error) => error.name,
  );
  expect(exported).to.equal('InvalidAccessError');
}

async function expectSignedIn(app: App): Promise<void> {
  await waitFor(() => app.events().includes('oauth-login'), 'oauth-login');
  await waitFor(() => app.statusText().includes('Signed in as Alice Liddell'), 'the status to show the user');
  expect(app.statusText()).to.match(/\d+ min \d+ s left|\d+ h \d+ min left/);
  const session = app.window.appClient.session!;
  expect(session.user?.sub).to.equal('alice');
  await expectSealedAtRest(app, session.accessToken);
  const userinfo = await fetch(`${issuer}/userinfo`, { headers: { authorization: `Bearer ${session.accessToken}` } });
  expect(userinfo.status).to.equal(200);
}

/** Whether a page fetched the code only some configurations' sign-ins need (sign-in-extras.ts and what it holds). */
const loadedExtras = (page: Window): string[] =>
  page.performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => /\/(sign-in-extras|extra-params|par|backend|dpop-binding|userinfo)\.[jt]s/.test(name));

describe('sign-in through the real mock provider', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it('signs in by full-page redirect, scrubs the callback from the address bar and keeps the session in IndexedDB', async () => {
    const app = await openApp({ mode: 'redirect' });
    expect(app.statusText()).to.include('Signed out');
    app.button().shadowRoot.querySelector('button')?.click();
    await decideConsent(() => app.window);
    await expectSignedIn(app);
    expect(app.window.location.search).to.equal('');
    expect(app.window.location.pathname).to.equal('/test/e2e/_app.html');
    expect(loadedExtras(app.window), 'a plain OpenID callback loads no optional code').to.deep.equal([]);
  });

  it('signs in through a popup opened inside the click, and the popup closes itself', async () => {
    const app = await openApp({ mode: 'popup' });
    const popup = await pressForPopup(app);
    await decideConsent(() => popup);
    await expectSignedIn(app);
    await waitFor(() => popup.closed, 'the popup to close');
    expect(loadedExtras(app.window), 'a plain OpenID sign-in, start to end, loads no optional code').to.deep.equal([]);
  });

  it("takes the response from the popup's own address as it lands, so a callback page without the kit signs in too, and closes the popup", async () => {
    // test/_callback.html is a page with no script: nothing there relays the response.
    const clientId = await registerClient(['/test/_callback.html']);
    const app = await openApp({ clientId, fromScript: true, mode: 'popup', redirectUri: callback });
    const popup = await pressForPopup(app);
    await decideConsent(() => popup);
    await expectSignedIn(app);
    await waitFor(() => popup.closed, 'the popup to close');
  });

  it('gives two pages signing in at once a popup each, and signs both in', async () => {
    document.querySelectorAll('iframe').forEach((frame) => frame.remove());
    const [first, second] = [await openApp({ mode: 'popup' }), await openApp({ mode: 'popup' })];
    const [firstPopups, secondPopups] = [watchPopups(first), watchPopups(second)];
    await clickButton(first);
    const firstPopup = await waitFor(() => firstPopups[0], 'the first popup');
    await waitFor(() => firstPopup.document.querySelector('oauth-consent-popup'), 'the first consent page');
    await clickButton(second);
    const secondPopup = await waitFor(() => secondPopups[0], 'the second popup');
    expect(secondPopup, 'a window of its own').to.not.equal(firstPopup);
    await decideConsent(() => secondPopup);
    await decideConsent(() => firstPopup);
    await expectSignedIn(second);
    await expectSignedIn(first);
  });

  it("fetches the provider's keys while the code is exchanged, not after", async () => {
    const clientId = await registerClient([appPath]);
    await control({ command: 'scenario', scenario: { next: 'token', clientId, delay: 400 } });
    sessionStorage.removeItem(`oauth-elements:jwks:${issuer}/jwks`);
    const app = await openApp({ clientId, mode: 'popup' });
    const popup = await pressForPopup(app);
    await decideConsent(() => popup);
    await expectSignedIn(app);
    const timing = (suffix: string): PerformanceResourceTiming[] =>
      (app.window.performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((entry) =>
        new URL(entry.name).pathname.endsWith(suffix),
      );
    const [token] = timing('/token');
    const [keys] = timing('/jwks');
    expect(token && keys, 'one token request and one JWKS request').to.not.equal(undefined);
    expect(keys!.responseEnd, 'the keys arrived before the token response').to.be.lessThan(token!.responseEnd);
  });

  it('fetches discovery when the pointer reaches the button, so that the press goes straight to the provider', async () => {
    for (const key of Object.keys(sessionStorage))
      if (key.startsWith('oauth-elements:discovery:')) sessionStorage.removeItem(key);
    // Below the app's frame (600×400), away from where earlier tests clicked, so the button does not appear under a
    // resting pointer (WebDriver BiDi's reset releases the buttons but leaves the pointer where it was); and focus
    // settled on this page, not handed back to it by an earlier test's popup once the button is there (focus prepares too).
    await sendMouse({ type: 'move', position: [790, 590] });
    await returnToPage();
    (document.activeElement as HTMLElement | null)?.blur();
    const app = await openApp({ mode: 'popup' });
    const discoveries = () =>
      app.window.performance
        .getEntriesByType('resource')
        .filter((entry) => entry.name.endsWith('/openid-configuration')).length;
    const focused = () => app.button().shadowRoot.activeElement?.localName ?? 'nothing';
    expect(discoveries(), `nothing fetched before the pointer comes (focused in the button: ${focused()})`).to.equal(0);
    await pointAtButton(app);
    await waitFor(() => discoveries() === 1, 'discovery on hover');
    const popup = await pressForPopup(app);
    await decideConsent(() => popup);
    await expectSignedIn(app);
    expect(discoveries(), 'the press fetched no discovery again').to.equal(1);
  });

  it('fetches discovery and the JWKS once per tab: the page the redirect brings back fetches neither', async () => {
    const app = await openApp({ mode: 'redirect' });
    app.button().shadowRoot.querySelector('button')?.click();
    await decideConsent(() => app.window);
    await expectSignedIn(app);
    const fetched = app.window.performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname);
    expect(fetched.filter((path) => path.endsWith('/openid-configuration') || path.endsWith('/jwks'))).to.deep.equal(
      [],
    );
    expect(fetched.filter((path) => path.endsWith('/token'))).to.have.length(1);
  });

  it('signs in again over a stored session: the new user replaces the old one in the page and in storage', async () => {
    const clientId = await registerClient([appPath]);
    await control({ command: 'sign_in_as', sub: 'alice', clientId });
    const app = await openApp({ clientId, fromScript: true, mode: 'redirect' });
    app.window.appClient.login().catch(() => undefined);
    await waitFor(() => app.window.appClient?.session?.user?.sub === 'alice', 'the first sign-in');
    await control({ command: 'sign_in_as', sub: 'bob', clientId });
    // The callback page reads Alice's stored session while it answers Bob's callback.
    app.window.appClient.login().catch(() => undefined);
    await waitFor(() => app.window.appClient?.session?.user?.sub === 'bob', 'the second sign-in');
    await deliver(app, appPath);
    expect((await app.window.appClient.ready())?.user?.sub, 'the session stored last').to.equal('bob');
  });

  it('signs out: storage is cleared and the access token is revoked at the provider', async () => {
    const app = await openApp({ mode: 'redirect' });
    app.button().shadowRoot.querySelector('button')?.click();
    await decideConsent(() => app.window);
    await expectSignedIn(app);
    const { accessToken } = app.window.appClient.session!;
    app.button().shadowRoot.querySelector('button')?.click();
    await waitFor(() => app.events().includes('oauth-logout'), 'oauth-logout');
    expect(await storedSession(app)).to.equal(undefined);
    expect(app.statusText()).to.include('Signed out');
    const userinfo = await fetch(`${issuer}/userinfo`, { headers: { authorization: `Bearer ${accessToken}` } });
    expect(userinfo.status).to.equal(401);
  });

  it('reports a denied consent as access_denied and stores nothing', async () => {
    const app = await openApp({ mode: 'redirect' });
    app.button().shadowRoot.querySelector('button')?.click();
    await decideConsent(() => app.window, 'deny');
    await waitFor(() => app.events().includes('oauth-error:access_denied'), 'oauth-error');
    expect(await storedSession(app)).to.equal(undefined);
    expect(app.window.location.search).to.equal('');
    expect(app.statusText()).to.include('Signed out');
  });

  it('works from the drop-in bundle dist/oauth-elements.js in a plain page', async () => {
    const app = await openApp({ mode: 'redirect', bundle: '/dist/oauth-elements.js' });
    app.button().shadowRoot.querySelector('button')?.click();
    await decideConsent(() => app.window);
    await expectSignedIn(app);
  });
});

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('a popup cut off by Cross-Origin-Opener-Policy (it reads as closed while its user is still in it)', () => {
  beforeEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));
  /** Opens the popup onto a consent page sent with COOP `same-origin`, whose user answers (or closes it) after `after` ms. */
  async function severedPopup(then: 'approve' | 'deny' | 'close', after: number): Promise<{ app: App; cutAt: number }> {
    const clientId = await registerClient([appPath]);
    await control({
      command: 'scenario',
      scenario: { next: 'consent', clientId, openerPolicy: 'same-origin', then, after },
    });
    const app = await openApp({ clientId, mode: 'popup' });
    const popup = await pressForPopup(app);
    leavePage();
    await waitFor(() => popup.closed, 'the policy to cut the popup off');
    return { app, cutAt: Date.now() };
  }

  it('signs in: the callback page hands the response over the BroadcastChannel keyed by state', async () => {
    const { app } = await severedPopup('approve', 2500);
    await expectSignedIn(app);
    expect(app.events()).to.deep.equal(['oauth-login']);
  });

  it('reports a denial made there as access_denied and stores nothing', async () => {
    const { app } = await severedPopup('deny', 2500);
    await waitFor(() => app.events().includes('oauth-error:access_denied'), 'access_denied');
    expect(await storedSession(app)).to.equal(undefined);
  });

  it('settles as popup_closed once the user, having closed it, is back on the page; not while they are still in it', async () => {
    const { app, cutAt } = await severedPopup('close', 4000);
    await delay(2000);
    expect(app.events(), 'two seconds after it read as closed, still waiting').to.deep.equal([]);
    expect((app.button() as HTMLElement & { state: string }).state, 'the button is still busy').to.equal('busy');
    await delay(Math.max(0, cutAt + 4500 - Date.now()));
    await backUntil(
      app.document,
      app.button().shadowRoot.querySelector('button') as HTMLButtonElement,
      () => app.events().includes('oauth-error:popup_closed'),
      'popup_closed',
    );
    expect(await storedSession(app)).to.equal(undefined);
    await waitFor(() => app.statusText().includes('Signed out'), 'the signed-out status');
  });
});
