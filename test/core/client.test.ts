import { expect } from 'chai';
import { sendMouse } from '@web/test-runner-commands';
import { createClient, OAuthClient } from '../../src/core/client.js';
import { memoryStore } from '../../src/core/storage/store.js';
import type { OAuthError } from '../../src/core/errors.js';
import { returnToPage } from '../_focus.js';
import { issuer, registerClient, waitFor } from '../_mock.js';

async function failureOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    return (error as OAuthError).code;
  }
  return undefined;
}

function errorsOf(client: OAuthClient): string[] {
  const codes: string[] = [];
  client.addEventListener('error', (event) => codes.push(event.error.code));
  return codes;
}

describe('client', () => {
  let clientId: string;
  before(async () => {
    clientId = await registerClient([location.pathname]);
  });

  it('does nothing on a page that is no callback', async () => {
    const client = createClient({ issuer, clientId });
    expect(await client.handleRedirect(`${location.origin}/page?x=1`)).to.equal(null);
  });

  it('refuses a callback whose state matches no sign-in, fires an error event and stores nothing', async () => {
    const client = createClient({ issuer, clientId });
    const errors = errorsOf(client);
    expect(await failureOf(client.handleRedirect(`${location.origin}/cb?code=abc&state=forged`))).to.equal(
      'invalid_state',
    );
    expect(errors).to.deep.equal(['invalid_state']);
    expect(await client.ready()).to.equal(null);
  });

  it('refuses a returnTo that leaves the origin, before anything is stored or opened', async () => {
    const written: string[] = [];
    const memory = memoryStore();
    const client = new OAuthClient(
      { issuer, clientId },
      { ...memory, set: (key, value) => (written.push(key), memory.set(key, value)) },
    );
    const opened: unknown[] = [];
    const open = window.open;
    window.open = (...args: Parameters<typeof window.open>) => (opened.push(args), null);
    try {
      // The URL parser drops tabs and newlines and reads `\` as `/`: each of these is another host's address.
      for (const returnTo of [
        'https://evil.example/',
        '//evil.example/',
        '/\\evil.example/',
        '/\t/evil.example/',
        '/\n/evil.example/',
        '/\t/[',
        'javascript:alert(1)',
      ])
        for (const mode of ['redirect', 'popup'] as const) {
          const refusal = await client.login({ mode, returnTo }).then(
            () => 'none',
            (error: OAuthError) => error.code,
          );
          expect(refusal, `${mode} ${JSON.stringify(returnTo)}`).to.equal('invalid_config');
        }
    } finally {
      window.open = open;
    }
    expect(written, 'nothing stored').to.deep.equal([]);
    expect(opened, 'no window opened').to.deep.equal([]);
  });

  it('prepare() resolves even when the provider cannot be reached; the sign-in then reports the failure', async () => {
    const client = createClient({ issuer: 'http://127.0.0.1:9/unreachable', clientId });
    const errors = errorsOf(client);
    expect(await client.prepare()).to.equal(undefined);
    expect(errors, 'no error event for a preparation').to.deep.equal([]);
    expect(await failureOf(client.login({ mode: 'redirect' }))).to.equal('network_error');
    expect(errors).to.deep.equal(['network_error']);
  });

  it('answers login_required for a token when nobody is signed in', async () => {
    const client = createClient({ issuer, clientId, scope: 'openid email' });
    expect(await failureOf(client.getAccessToken())).to.equal('login_required');
  });

  it('reports popup_blocked when the popup is opened outside a user action', async () => {
    const client = createClient({ issuer, clientId });
    expect(await failureOf(client.login({ mode: 'popup' }))).to.equal('popup_blocked');
  });

  /** Presses a real button (a user's click) that starts a popup sign-in; returns the popup and the login promise. */
  async function popupLogin(
    client: OAuthClient,
  ): Promise<{ popup: Window; result: Promise<unknown>; done: () => void }> {
    const opened: Window[] = [];
    const open = window.open.bind(window);
    window.open = (...args: Parameters<Window['open']>) => {
      const popup = open(...args);
      if (popup) opened.push(popup);
      return popup;
    };
    let result: Promise<unknown> | undefined;
    const button = document.createElement('button');
    button.textContent = 'sign in';
    button.style.cssText = 'position: fixed; top: 0; left: 0; width: 100px; height: 40px';
    button.onclick = () => (result = client.login({ mode: 'popup' }));
    document.body.append(button);
    const done = (): void => {
      window.open = open;
      button.remove();
    };
    await sendMouse({ type: 'click', position: [50, 20] });
    const popup = await waitFor(() => opened[0], 'the popup');
    return { popup, result: result!, done };
  }

  it('settles with popup_closed when the user closes the popup', async () => {
    const client = createClient({ issuer, clientId, redirectUri: `${location.origin}${location.pathname}` });
    const { popup, result, done } = await popupLogin(client);
    try {
      await waitFor(() => popup.document.querySelector('oauth-consent-popup'), 'the consent page');
      popup.close();
      await returnToPage();
      expect(await failureOf(result)).to.equal('popup_closed');
    } finally {
      done();
    }
  });

  it('settles with popup_timeout and closes the popup when the user never answers', async () => {
    const client = createClient({
      issuer,
      clientId,
      redirectUri: `${location.origin}${location.pathname}`,
      popupTimeout: 1500,
    });
    const { popup, result, done } = await popupLogin(client);
    try {
      expect(await failureOf(result)).to.equal('popup_timeout');
      expect(popup.closed).to.equal(true);
    } finally {
      done();
    }
  });

  it('tells each failure once in one error event, however many of its calls it passes through', async () => {
    const signedOut = createClient({ issuer, clientId });
    const told = errorsOf(signedOut);
    // fetch() asks getAccessToken(): one failure, two of the client's calls.
    expect(await failureOf(signedOut.fetch('/api/data'))).to.equal('login_required');
    expect(told).to.deep.equal(['login_required']);

    const store = memoryStore();
    const client = new OAuthClient({ issuer, clientId, silentRenew: false }, store);
    await store.set(`session:${issuer} ${clientId} openid profile email`, {
      accessToken: 'a',
      tokenType: 'Bearer',
      scope: 'openid profile email',
      refreshToken: 'a refresh token the provider never issued',
      issuedAt: Date.now() - 120_000,
      expiresAt: Date.now() - 60_000,
    });
    const errors = errorsOf(client);
    // Two callers wait for the one renewal, which the provider refuses: both hear it, listeners once.
    const [first, second] = await Promise.all([failureOf(client.getAccessToken()), failureOf(client.getAccessToken())]);
    expect(first).to.be.a('string');
    expect(second).to.equal(first);
    expect(errors).to.deep.equal([first]);
  });

  it('renews when its timer fires before Date.now() reaches the due time, as Firefox timers do', async () => {
    const store = memoryStore();
    const client = new OAuthClient({ issuer, clientId, renewBefore: 0 }, store);
    const key = `session:${issuer} ${clientId} openid profile email`;
    await store.set(key, {
      accessToken: 'a',
      tokenType: 'Bearer',
      scope: 'openid profile email',
      refreshToken: 'r',
      issuedAt: Date.now(),
      expiresAt: Date.now() + 200,
    });
    expect((await client.ready())?.accessToken).to.equal('a');
    const renewing = new Promise((resolve) => client.addEventListener('renewal', resolve, { once: true }));
    const realNow = Date.now;
    // The clock the client reads lags its timers by 50 ms, so the timer set for the due time fires before it.
    Date.now = () => realNow() - 50;
    try {
      const started = await Promise.race([
        renewing.then(() => true),
        new Promise((resolve) => setTimeout(resolve, 1000, false)),
      ]);
      expect(started, 'the renewal started').to.equal(true);
    } finally {
      Date.now = realNow;
    }
    await failureOf(client.getAccessToken());
  });
});

describe('client storage', () => {
  it('treats a corrupted stored session as signed out and removes it', async () => {
    const { indexedDbStore } = await import('../../src/core/storage/store.js');
    const clientId = await registerClient([location.pathname]);
    const store = indexedDbStore();
    const key = `session:${issuer} ${clientId} openid profile email`;
    await store.set(key, { accessToken: 42, garbage: true });
    const client = createClient({ issuer, clientId });
    expect(await client.ready()).to.equal(null);
    expect(await store.get(key)).to.equal(undefined);
  });

  it('announces the in-memory fallback when IndexedDB is missing', async () => {
    const { OAuthClient } = await import('../../src/core/client.js');
    const { fallbackStore, indexedDbStore } = await import('../../src/core/storage/store.js');
    const original = Object.getOwnPropertyDescriptor(globalThis, 'indexedDB')!;
    Object.defineProperty(globalThis, 'indexedDB', { value: undefined, configurable: true });
    try {
      const fallbacks: string[] = [];
      const client = new OAuthClient(
        { issuer, clientId: 'fallback-test' },
        fallbackStore(indexedDbStore(), (error) => fallbacks.push(error.code)),
      );
      expect(await client.ready()).to.equal(null);
      expect(fallbacks).to.deep.equal(['storage_unavailable']);
    } finally {
      Object.defineProperty(globalThis, 'indexedDB', original);
    }
  });
});
