import { expect } from 'chai';
import { createStore, get } from 'idb-keyval';
import { sendMouse } from '@web/test-runner-commands';
import { returnToPage } from '../_focus.js';
import { authorize, control, issuer, registerClient, requestsOf, waitFor } from '../_mock.js';
import {
  appPath,
  decideConsent,
  deliver,
  openApp,
  pressForPopup,
  startSignIn,
  watchPopups,
  type App,
  type AppOptions,
} from './_harness.js';

/** The callback the provider would send for an authorization request, approved by Alice. */
async function approve(request: URL): Promise<URL> {
  return authorize(Object.fromEntries(request.searchParams));
}

async function open(options: AppOptions = {}): Promise<App> {
  return openApp({ fromScript: true, bundle: '/dist/oauth-elements.js', ...options });
}

async function errorOf(app: App): Promise<string> {
  const event = await waitFor(() => app.window.appEvents.find((entry) => entry.type === 'oauth-error'), 'oauth-error');
  return event.code ?? 'none';
}

const tokenRequests = async (app: App): Promise<number> =>
  (await requestsOf(app.clientId)).filter((entry) => entry.path === '/token').length;
const stored = (app: App) =>
  get(`session:${issuer} ${app.clientId} openid profile email`, createStore('oauth-elements', 'kv'));

/** What every refusal must leave: no session stored, no code or state in the address bar. */
async function expectNothingLeft(app: App): Promise<void> {
  expect(await stored(app), 'no session stored').to.equal(undefined);
  expect(app.window.appClient.session).to.equal(null);
  const query = new URLSearchParams(app.window.location.search);
  const fragment = new URLSearchParams(app.window.location.hash.slice(1));
  for (const name of ['code', 'state', 'access_token', 'id_token', 'iss', 'error']) {
    expect(query.has(name) || fragment.has(name), `${name} left in the address bar`).to.equal(false);
  }
}

type Tamper = (callback: URL) => string;
const withParam =
  (name: string, value: string): Tamper =>
  (callback) => {
    const url = new URL(callback);
    url.searchParams.set(name, value);
    return url.href;
  };
const without =
  (name: string): Tamper =>
  (callback) => {
    const url = new URL(callback);
    url.searchParams.delete(name);
    return url.href;
  };
const repeated =
  (name: string): Tamper =>
  (callback) =>
    `${callback.href}&${name}=${encodeURIComponent(callback.searchParams.get(name) ?? 'x')}`;

const callbackCases: [string, Tamper, string][] = [
  ['an altered state', withParam('state', 'forged-state-forged-state-forged-state-0000'), 'invalid_state'],
  ['a missing state', without('state'), 'invalid_state'],
  ['a wrong iss', withParam('iss', 'https://evil.example'), 'iss_mismatch'],
  ['a missing iss', without('iss'), 'iss_mismatch'],
  ['a repeated code', repeated('code'), 'invalid_callback'],
  ['a repeated state', repeated('state'), 'invalid_callback'],
  ['a repeated iss', repeated('iss'), 'invalid_callback'],
  [
    'an error with a wrong state',
    (callback) =>
      `${appPath}?error=access_denied&state=wrong&iss=${encodeURIComponent(callback.searchParams.get('iss') ?? '')}`,
    'invalid_state',
  ],
  ['an error with no state', () => `${appPath}?error=server_error`, 'invalid_state'],
  [
    'the response in the fragment instead of the query',
    (callback) => `${appPath}#${callback.searchParams}`,
    'invalid_callback',
  ],
  ['an access_token injected beside the code', withParam('access_token', 'injected'), 'invalid_callback'],
  ['an id_token injected beside the code', withParam('id_token', 'eyJhbGciOiJub25lIn0.e30.'), 'invalid_callback'],
  [
    'a response in both query and fragment',
    (callback) => `${callback.href}#${callback.searchParams}`,
    'invalid_callback',
  ],
  ['a huge code', withParam('code', 'c'.repeat(10_000)), 'invalid_callback'],
  ['a huge state', withParam('state', 's'.repeat(10_000)), 'invalid_callback'],
  ['a code carrying markup', withParam('code', '"><img src=x onerror="window.pwned=1">'), 'provider_error'],
];

describe('hostile callbacks are refused before any token request, and nothing is kept', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  for (const [what, tamper, code] of callbackCases) {
    it(`refuses ${what} with ${code}`, async () => {
      const app = await open();
      const callback = await approve(await startSignIn(app));
      await deliver(app, tamper(callback));
      expect(await errorOf(app)).to.equal(code);
      await expectNothingLeft(app);
      expect(await tokenRequests(app), 'token requests').to.equal(code === 'provider_error' ? 1 : 0);
      expect((app.window as unknown as { pwned?: number }).pwned).to.equal(undefined);
    });
  }

  it('refuses a callback from an older transaction, superseded by a newer sign-in', async () => {
    const app = await open();
    const older = await approve(await startSignIn(app));
    await deliver(app, appPath);
    await startSignIn(app);
    await deliver(app, older.href);
    expect(await errorOf(app)).to.equal('invalid_state');
    await expectNothingLeft(app);
    expect(await tokenRequests(app)).to.equal(0);
  });

  it('refuses a replayed callback after its sign-in finished', async () => {
    const app = await open();
    const callback = await approve(await startSignIn(app));
    await deliver(app, callback.href);
    await waitFor(() => app.window.appEvents.some((entry) => entry.type === 'oauth-login'), 'the first sign-in');
    await app.window.appClient.logout();
    await deliver(app, callback.href);
    expect(await errorOf(app)).to.equal('invalid_state');
    await expectNothingLeft(app);
    expect(await tokenRequests(app)).to.equal(1);
  });

  it('shows a provider error carrying markup as text, never as markup', async () => {
    const app = await open();
    const callback = await approve(await startSignIn(app));
    const hostile = `${appPath}?error=access_denied&error_description=${encodeURIComponent('<img src=x onerror="window.pwned=1">')}&state=${callback.searchParams.get('state')}&iss=${encodeURIComponent(issuer)}`;
    await deliver(app, hostile);
    expect(await errorOf(app)).to.equal('access_denied');
    await expectNothingLeft(app);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((app.window as unknown as { pwned?: number }).pwned).to.equal(undefined);
    expect(app.document.querySelector('img')).to.equal(null);
  });
});

describe('a pushed authorization request the provider refuses', () => {
  it('ends in a typed error, sends no one to the provider, and leaves no transaction behind', async () => {
    const app = await open({ redirectUri: `${location.origin}/not-registered.html`, par: true });
    const failure = await app.window.appClient.login({ mode: 'redirect' }).then(
      () => 'no error',
      (error: { code?: string; status?: number }) => `${error.code} ${error.status}`,
    );
    expect(failure).to.equal('provider_error 400');
    expect(app.window.location.pathname).to.equal(appPath);
    const database = createStore('oauth-elements', 'kv');
    expect(await get(`txn-pending:${issuer} ${app.clientId}`, database), 'no pending transaction').to.equal(undefined);
    await expectNothingLeft(app);
  });
});

const responseCases: [string, Record<string, unknown>, string][] = [
  ['a 500 from the token endpoint', { next: 'token', fault: 'server_error' }, 'provider_error'],
  ['a token response that is not JSON', { next: 'token', fault: 'malformed' }, 'invalid_token_response'],
  ['a token response of the wrong token_type', { next: 'token', fault: 'wrong_token_type' }, 'invalid_token_response'],
  ['a token response with no access_token', { next: 'token', fault: 'no_access_token' }, 'invalid_token_response'],
  ['invalid_grant', { next: 'token', fault: 'invalid_grant' }, 'provider_error'],
  [
    'a 429 asking to wait longer than the kit waits',
    { next: 'token', fault: 'rate_limited', retryAfter: 60 },
    'provider_error',
  ],
  ['an id_token with a bad signature', { next: 'id_token', fault: 'bad_signature' }, 'invalid_id_token'],
  ['an id_token with alg none', { next: 'id_token', fault: 'alg_none' }, 'invalid_id_token'],
  ['an id_token signed HS256 with the public key', { next: 'id_token', fault: 'hs256_public_key' }, 'invalid_id_token'],
  ['an id_token with an unknown kid', { next: 'id_token', fault: 'unknown_kid' }, 'invalid_id_token'],
  ['an id_token with a wrong nonce', { next: 'id_token', fault: 'wrong_nonce' }, 'invalid_id_token'],
  ['an id_token for another audience', { next: 'id_token', fault: 'wrong_aud' }, 'invalid_id_token'],
  ['an id_token from another issuer', { next: 'id_token', fault: 'wrong_iss' }, 'invalid_id_token'],
  ['an expired id_token', { next: 'id_token', fault: 'expired' }, 'invalid_id_token'],
  ['an id_token issued a day in the future', { next: 'id_token', fault: 'future_iat' }, 'invalid_id_token'],
];

describe('hostile token responses are refused, and nothing is kept', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  for (const [what, scenario, code] of responseCases) {
    it(`refuses ${what} with ${code}`, async () => {
      const app = await open();
      await control({ command: 'scenario', scenario: { ...scenario, clientId: app.clientId } });
      await deliver(app, (await approve(await startSignIn(app))).href);
      expect(await errorOf(app)).to.equal(code);
      await expectNothingLeft(app);
      expect(await tokenRequests(app)).to.equal(1);
    });
  }
});

describe('network trouble ends in a typed error, or one polite retry', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it('retries once after a 429 with Retry-After, and signs in', async () => {
    const app = await open();
    await control({
      command: 'scenario',
      scenario: { next: 'token', fault: 'rate_limited', retryAfter: 1, clientId: app.clientId },
    });
    await deliver(app, (await approve(await startSignIn(app))).href);
    await waitFor(() => app.window.appEvents.some((entry) => entry.type === 'oauth-login'), 'oauth-login');
    expect(await tokenRequests(app)).to.equal(2);
  });

  it('retries a 429 only once: a second 429 fails with provider_error', async () => {
    const app = await open();
    for (let index = 0; index < 2; index += 1) {
      await control({
        command: 'scenario',
        scenario: { next: 'token', fault: 'rate_limited', retryAfter: 1, clientId: app.clientId },
      });
    }
    await deliver(app, (await approve(await startSignIn(app))).href);
    expect(await errorOf(app)).to.equal('provider_error');
    await expectNothingLeft(app);
    expect(await tokenRequests(app)).to.equal(2);
  });

  it('gives up on a token endpoint that does not answer in time with network_error', async () => {
    const app = await open({ requestTimeout: 500 });
    await control({ command: 'scenario', scenario: { next: 'token', delay: 3000, clientId: app.clientId } });
    await deliver(app, (await approve(await startSignIn(app))).href);
    expect(await errorOf(app)).to.equal('network_error');
    await expectNothingLeft(app);
  });

  it('reports an unreachable token endpoint as network_error', async () => {
    const app = await open({ endpoints: { token: 'http://127.0.0.1:9/token' } });
    await deliver(app, (await approve(await startSignIn(app))).href);
    expect(await errorOf(app)).to.equal('network_error');
    await expectNothingLeft(app);
  });
});

describe('popup messages are taken only from the popup, at our origin', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  for (const [what, origin] of [
    ['a foreign origin', location.origin.replace('localhost', '127.0.0.1')],
    ['another window of our origin', location.origin],
  ] as const) {
    it(`ignores a forged callback message from ${what}`, async () => {
      const app = await open({ mode: 'popup' });
      const popups = watchPopups(app);
      const inner = app.button().shadowRoot.querySelector('button') as HTMLButtonElement;
      const frameBox = app.frame.getBoundingClientRect();
      const box = inner.getBoundingClientRect();
      await sendMouse({
        type: 'click',
        position: [
          Math.round(frameBox.left + box.left + box.width / 2),
          Math.round(frameBox.top + box.top + box.height / 2),
        ],
      });
      const popup = await waitFor(() => popups[0], 'the popup');
      const request = new URL(
        await waitFor(
          () => (popup.location.pathname.endsWith('/authorize') ? popup.location.href : null),
          'the consent page',
        ),
      );
      const callback = await approve(request);
      const forger = app.document.createElement('iframe');
      forger.src = `${origin}/test/e2e/_forger.html?${new URLSearchParams({ state: callback.searchParams.get('state') ?? '', href: callback.href })}`;
      app.document.body.append(forger);
      await new Promise((resolve) => forger.addEventListener('load', resolve, { once: true }));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await tokenRequests(app), 'the forged callback was not used').to.equal(0);
      popup.close();
      await returnToPage();
      expect(await errorOf(app)).to.equal('popup_closed');
      await expectNothingLeft(app);
    });
  }
});

describe('storage failures', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  for (const [what, option] of [
    ['IndexedDB is missing', 'noIndexedDb'],
    ['IndexedDB is over quota', 'quotaExceeded'],
  ] as const) {
    it(`announces the in-memory fallback when ${what}, keeps nothing in IndexedDB, and still signs in`, async () => {
      const app = await open({ [option]: true });
      await deliver(app, (await approve(await startSignIn(app))).href);
      await waitFor(() => app.window.appEvents.some((entry) => entry.type === 'oauth-login'), 'oauth-login');
      expect(app.window.appEvents.filter((entry) => entry.type === 'storage-fallback')).to.have.length(1);
      expect(await stored(app)).to.equal(undefined);
    });
  }

  it('makes its client, announces the fallback and refuses a redirect sign-in with storage_unavailable before the page leaves, where the browser denies the site all storage', async () => {
    // Cookies blocked for the site: IndexedDB and sessionStorage throw a SecurityError, so nothing outlives the page.
    const app = await open({ storageDenied: true });
    expect(app.window.appClient.session).to.equal(null);
    await waitFor(() => app.window.appEvents.some((entry) => entry.type === 'storage-fallback'), 'storage-fallback');
    const page = app.window.location.href;
    const refused = await app.window.appClient.login({ mode: 'redirect' }).then(
      () => 'left',
      (error: { code?: string; message: string }) => `${error.code}: ${error.message}`,
    );
    expect(refused).to.match(/^storage_unavailable: .*sign in with a popup$/);
    expect(app.window.location.href, 'the page never left for the provider').to.equal(page);
    const requests = (await requestsOf(app.clientId)).map((entry) => entry.path);
    expect(requests, 'no authorization request').to.not.include('/authorize');
    expect(app.window.appEvents.filter((entry) => entry.type === 'storage-fallback')).to.have.length(1);
    await expectNothingLeft(app);
  });

  it('has the button sign in by popup in the same press when its redirect is refused where the browser denies the site all storage', async () => {
    const app = await open({ storageDenied: true });
    await waitFor(() => app.window.appEvents.some((entry) => entry.type === 'storage-fallback'), 'storage-fallback');
    const page = app.window.location.href;
    const popup = await pressForPopup(app);
    await decideConsent(() => popup);
    await waitFor(() => app.window.appEvents.some((entry) => entry.type === 'oauth-login'), 'oauth-login');
    expect(app.window.appClient.session?.user?.sub).to.equal('alice');
    expect(app.window.location.href, 'the page never left for the provider').to.equal(page);
    expect(app.events(), 'no error shown or sent').to.deep.equal(['storage-fallback', 'oauth-login']);
    expect(app.button().shadowRoot.querySelector('[part~="error"]')).to.equal(null);
    expect(await stored(app), 'nothing in IndexedDB').to.equal(undefined);
  });

  it('refuses with invalid_state a callback that reaches a page where the browser denies the site all storage', async () => {
    // The sign-in started while the site had storage; its callback lands where it has none (and no transaction).
    const started = await open();
    const callback = await approve(await startSignIn(started));
    started.frame.remove();
    const app = await open({ clientId: started.clientId, storageDenied: true });
    await deliver(app, callback.href);
    expect(await errorOf(app)).to.equal('invalid_state');
    expect(await tokenRequests(app), 'no code was redeemed').to.equal(0);
    await expectNothingLeft(app);
  });

  it('signs in by popup where the browser denies the site all storage, Web Locks and (Firefox) a BroadcastChannel: the page keeps its transaction and the session in memory, and renews alone', async () => {
    const clientId = await registerClient([appPath], { access_token_lifetime: 2 });
    const app = await open({ clientId, storageDenied: true, mode: 'popup', renewBefore: 0 });
    await waitFor(() => app.window.appEvents.some((entry) => entry.type === 'storage-fallback'), 'storage-fallback');
    const popup = await pressForPopup(app);
    await decideConsent(() => popup);
    await waitFor(() => app.window.appEvents.some((entry) => entry.type === 'oauth-login'), 'oauth-login');
    const first = app.window.appClient.session;
    expect(first?.user?.sub).to.equal('alice');
    expect(await stored(app), 'nothing in IndexedDB').to.equal(undefined);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, first!.expiresAt! - Date.now()) + 20));
    const renewed = await app.window.appClient.getAccessToken();
    expect(renewed, 'a new access token').to.not.equal(first!.accessToken);
    const grants = (await requestsOf(clientId))
      .filter((entry) => entry.path === '/token')
      .map((entry) => entry.grantType);
    expect(grants, 'the sign-in, then one renewal').to.have.length(2);
    expect(app.window.appEvents.filter((entry) => entry.type === 'oauth-error')).to.deep.equal([]);
  });

  it("has a popup's page that cannot see its transaction hand the response to the page of our origin that opened it, and close", async () => {
    // The popup's storage is not its opener's (denied here; partitioned for an app in a third-party frame).
    const clientId = await registerClient([appPath]);
    sessionStorage.setItem(
      'oauth-test-app',
      JSON.stringify({ issuer, clientId, fromScript: true, bundle: '/dist/oauth-elements.js', storageDenied: true }),
    );
    const callback = `${location.origin}${appPath}?code=some-code&state=held-by-the-opener`;
    const relayed: unknown[] = [];
    const onMessage = (event: MessageEvent): void => void relayed.push(event.data);
    window.addEventListener('message', onMessage);
    const opener = document.createElement('button');
    opener.textContent = 'open';
    let popup: Window | null = null;
    opener.onclick = () => (popup = window.open(callback, '_blank', 'popup,width=400,height=300'));
    document.body.append(opener);
    const box = opener.getBoundingClientRect();
    await sendMouse({
      type: 'click',
      position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)],
    });
    try {
      await waitFor(() => relayed.length > 0, 'the relayed response');
      expect(relayed).to.deep.equal([{ type: 'oauth-elements:callback', state: 'held-by-the-opener', href: callback }]);
      await waitFor(() => popup?.closed, 'the popup to close itself');
    } finally {
      window.removeEventListener('message', onMessage);
      opener.remove();
      if (popup && !(popup as Window).closed) (popup as Window).close();
      await returnToPage();
    }
  });
});
