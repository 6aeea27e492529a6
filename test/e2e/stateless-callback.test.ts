import { expect } from 'chai';
import { createStore, get } from 'idb-keyval';
import { sendMouse } from '@web/test-runner-commands';
import { authorize, mockOf, register, requestsOf, waitFor } from '../_mock.js';
import { backUntil } from '../_focus.js';
import { appPath, deliver, openApp, pressForPopup, type App } from './_harness.js';

// phpapi (seed 004) echoes no state, so its callback carries nothing that binds it to the sign-in
// that is waiting (RFC 6749 §10.12): a code the attacker got for their own account, loaded into the
// app while the victim's sign-in is pending, would sign the victim in as the attacker (login CSRF).
// The kit takes such a callback only in the tab that started the sign-in, soon after, and once.

const phpapi = mockOf('phpapi');
const authorizePath = `/mock/phpapi${phpapi.endpoints?.authorization}`;

async function openPhpapi(mode: 'redirect' | 'popup' = 'redirect'): Promise<App> {
  const { client_id: clientId } = await register(
    [appPath],
    { scope: undefined, token_endpoint_auth_method: 'client_secret_post' },
    phpapi,
  );
  return openApp({
    fromScript: true,
    mode,
    issuer: phpapi.issuer,
    clientId,
    profile: 'phpapi',
    tokenEndpoint: `/api/oauth/phpapi/${clientId}/token`,
  });
}

/** The victim starts a redirect sign-in and is left at the provider: the authorization request. */
async function startVictim(app: App): Promise<URL> {
  app.window.appClient.login({ mode: 'redirect' }).catch(() => undefined);
  return new URL(
    await waitFor(
      () => (app.document.location.pathname === authorizePath ? app.document.location.href : null),
      'the authorization request',
    ),
  );
}

/** The attacker's own callback: a code for Bob, from an authorization they ran themselves for the same app. */
async function attackersCallback(request: URL): Promise<URL> {
  const callback = await authorize(Object.fromEntries(request.searchParams), 'approve', phpapi, 'bob');
  expect(callback.searchParams.has('state'), 'phpapi echoes no state').to.equal(false);
  return callback;
}

const exchanges = async (app: App): Promise<number> =>
  (await requestsOf(app.clientId)).filter((entry) => entry.path === '/api/token.php').length;
const stored = (app: App) => get(`session:${phpapi.issuer} ${app.clientId} `, createStore('oauth-elements', 'kv'));

interface AppWindow extends Window {
  appEvents?: { type: string; code?: string }[];
}

/**
 * Opens `href` in a new tab of our origin, with a user's click so the popup blocker lets it. A tab
 * the attacker opens (from their site, or a link) has a sessionStorage of its own: the app's
 * configuration is put there, and nothing of the kit's, whatever the browser copied from this tab.
 */
async function openTab(href: string): Promise<AppWindow> {
  const opener = Object.assign(document.createElement('button'), { textContent: 'open' });
  opener.style.cssText = 'position: fixed; top: 0; left: 0; width: 80px; height: 40px';
  let tab: AppWindow | null = null;
  opener.addEventListener('click', () => {
    tab = window.open('about:blank', '_blank') as AppWindow | null;
    if (!tab) return;
    for (const key of Object.keys(tab.sessionStorage))
      if (key.startsWith('oauth-elements:')) tab.sessionStorage.removeItem(key);
    tab.sessionStorage.setItem('oauth-test-app', sessionStorage.getItem('oauth-test-app') ?? '{}');
    tab.location.href = href;
  });
  document.body.append(opener);
  await sendMouse({ type: 'click', position: [40, 20] });
  opener.remove();
  return waitFor(() => tab, 'the new tab');
}

describe('a callback without state (phpapi) is taken only in the tab that started the sign-in, soon, once', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it("refuses an attacker's code loaded in another tab while the victim's sign-in is pending, and the victim's own still signs in", async () => {
    const app = await openPhpapi();
    const request = await startVictim(app);
    const forged = await attackersCallback(request);
    const tab = await openTab(forged.href);
    try {
      const outcome = await waitFor(
        () => tab.appEvents?.find((event) => event.type === 'oauth-error' || event.type === 'oauth-login'),
        'the other tab to answer',
      );
      expect(`${outcome.type}:${outcome.code}`).to.equal('oauth-error:invalid_state');
    } finally {
      tab.close();
    }
    expect(await exchanges(app), "the attacker's code never reached the token endpoint").to.equal(0);
    expect(await stored(app)).to.equal(undefined);
    // The victim's sign-in was not touched: their own callback, in their tab, signs Alice in.
    await deliver(app, (await authorize(Object.fromEntries(request.searchParams), 'approve', phpapi, 'alice')).href);
    await waitFor(() => app.window.appClient.session, 'the sign-in');
    expect(app.window.appClient.user?.sub).to.equal('alice');
    expect(await exchanges(app)).to.equal(1);
  });

  it('refuses a callback without state that comes more than three minutes after its sign-in started, before any token request', async () => {
    const app = await openPhpapi();
    const request = await startVictim(app);
    const callback = await authorize(Object.fromEntries(request.searchParams), 'approve', phpapi, 'alice');
    const config = JSON.parse(sessionStorage.getItem('oauth-test-app') ?? '{}') as Record<string, unknown>;
    sessionStorage.setItem('oauth-test-app', JSON.stringify({ ...config, clockAhead: 3 * 60_000 + 5_000 }));
    await deliver(app, callback.href);
    await waitFor(() => app.window.appEvents.find((event) => event.type === 'oauth-error'), 'oauth-error');
    expect(app.events()).to.deep.equal(['oauth-error:invalid_state']);
    expect(await exchanges(app)).to.equal(0);
    expect(await stored(app)).to.equal(undefined);
  });

  it('takes it once: the same callback again in the same tab is refused', async () => {
    const app = await openPhpapi();
    const callback = await authorize(
      Object.fromEntries((await startVictim(app)).searchParams),
      'approve',
      phpapi,
      'alice',
    );
    await deliver(app, callback.href);
    await waitFor(() => app.window.appClient.session, 'the sign-in');
    await app.window.appClient.logout();
    await deliver(app, callback.href);
    await waitFor(() => app.window.appEvents.find((event) => event.type === 'oauth-error'), 'oauth-error');
    expect(app.events()).to.deep.equal(['oauth-error:invalid_state']);
    expect(await exchanges(app)).to.equal(1);
    expect(await stored(app)).to.equal(undefined);
  });

  it("ignores an attacker's code relayed over the BroadcastChannel while a popup sign-in is pending: only the popup may hand over a callback without state", async () => {
    const app = await openPhpapi('popup');
    const popup = await pressForPopup(app);
    const request = new URL(
      await waitFor(() => (popup.location.pathname === authorizePath ? popup.location.href : null), 'the consent page'),
    );
    // The app in another tab finds the pending popup sign-in and relays the code, as a popup's page would.
    const tab = await openTab((await attackersCallback(request)).href);
    await waitFor(() => tab.closed, 'the other tab to relay the callback and close');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await exchanges(app), "the attacker's code was not used").to.equal(0);
    popup.close();
    // The click that opened the other tab left focus on the test page: the user is back in the app.
    await backUntil(
      app.document,
      app.button().shadowRoot.querySelector('button') as HTMLButtonElement,
      () => app.window.appEvents.some((event) => event.type === 'oauth-error'),
      'oauth-error',
    );
    expect(app.events()).to.deep.equal(['oauth-error:popup_closed']);
    expect(await stored(app)).to.equal(undefined);
  });
});
