// The kit against panva's oidc-provider (test/e2e/_real-provider.ts), set up as production providers are: issuer
// with a trailing slash, rotating refresh tokens with reuse detection, RFC 9207 iss, PAR, DPoP, RP-Initiated Logout.
import { expect } from 'chai';
import { waitFor } from '../_mock.js';
import { clickButton, openApp, watchPopups, type App } from './_harness.js';

/** The issuer exactly as oidc-provider's metadata names it. */
const opIssuer = `${location.origin}/op/`;

interface Counts {
  refreshes: number;
  reuses: number;
}

/** What oidc-provider's events counted for an account. */
const countsOf = async (account: string): Promise<Counts> => (await fetch(`/op-control?account=${account}`)).json();

/** A login of its own for each test, so that the provider's counts and grants are that test's alone. */
let logins = 0;
const newLogin = (): string => `user${Date.now().toString(36)}${(logins += 1)}`;

/** Signs in at oidc-provider's login and consent pages in `target` (the app's frame, or its popup), as `login`. */
async function signInAt(target: () => Window | null | undefined, login: string): Promise<void> {
  const formOn = (name: string) => () => {
    const doc = target()?.document;
    return doc?.location.pathname.startsWith('/op/interaction/')
      ? doc.querySelector<HTMLFormElement>(`form:has(${name})`)
      : null;
  };
  const loginForm = await waitFor(formOn('input[name="login"]'), 'the login page');
  (loginForm.querySelector('input[name="login"]') as HTMLInputElement).value = login;
  (loginForm.querySelector('input[name="password"]') as HTMLInputElement).value = 'any';
  loginForm.requestSubmit();
  (await waitFor(formOn('input[name="consent"]'), 'the consent page')).requestSubmit();
}

/** Opens the app for oidc-provider's client signed out: the session an earlier test kept here, and the one at the provider, gone. */
async function openAppAtOp(options: Record<string, unknown>): Promise<App> {
  await fetch('/op-control?forget');
  const app = await openApp({ issuer: opIssuer, clientId: 'kit', scope: 'openid profile email', ...options });
  await app.window.appClient.logout();
  return app;
}

async function expectSignedIn(app: App, login: string): Promise<void> {
  await waitFor(
    () => app.events().includes('oauth-login') || app.events().some((event) => event.startsWith('oauth-error')),
    'oauth-login',
    15_000,
  );
  expect(app.events()).to.include('oauth-login');
  await waitFor(() => app.statusText().includes(`Signed in as Real ${login}`), 'the status to show the user');
}

/** Waits until a session's access token is due for renewal (renewBefore 3598 of its 3600 s). */
const untilDue = (expiresAt: number): Promise<unknown> =>
  new Promise((resolve) => setTimeout(resolve, Math.max(0, expiresAt - 3598_000 - Date.now()) + 50));

describe('the kit against panva’s oidc-provider, a provider we did not write', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  describe('issuer identity (OpenID Connect Discovery 1.0 §4.3, RFC 8414 §3.3)', () => {
    for (const [shape, issuer] of [
      ['as the metadata names it, with its trailing slash', opIssuer],
      ['without the trailing slash the metadata has', opIssuer.slice(0, -1)],
    ] as const) {
      it(`signs in by redirect with the button’s attributes and the issuer ${shape}`, async () => {
        const login = newLogin();
        const app = await openAppAtOp({ issuer, mode: 'redirect' });
        app.button().shadowRoot.querySelector('button')?.click();
        await signInAt(() => app.window, login);
        await expectSignedIn(app, login);
      });

      it(`signs in by popup with createClient and the issuer ${shape}`, async () => {
        const login = newLogin();
        const app = await openAppAtOp({ issuer, mode: 'popup', fromScript: true });
        const popups = watchPopups(app);
        await clickButton(app);
        await signInAt(() => popups[0], login);
        await expectSignedIn(app, login);
        await waitFor(() => popups[0]?.closed, 'the popup to close');
        expect(app.window.appClient.session?.user?.sub).to.equal(login);
      });
    }

    it('refuses a discovery document that names another issuer, showing both and what to set', async () => {
      const app = await openApp({ issuer: `${location.origin}/op-liar`, clientId: 'kit', fromScript: true });
      const error = await app.window.appClient.login({ mode: 'redirect' }).then(
        () => undefined,
        (failure: { code: string; message: string }) => failure,
      );
      expect(error?.code).to.equal('invalid_discovery');
      expect(error?.message)
        .to.include(`"${opIssuer}"`)
        .and.to.include(`"${location.origin}/op-liar"`)
        .and.to.include(`set issuer to "${opIssuer}"`);
    });
  });

  it('refreshes with rotation, and a rotated refresh token sent again revokes the grant (reuse detection)', async () => {
    const login = newLogin();
    const app = await openAppAtOp({ fromScript: true, renewBefore: 3598 });
    app.button().shadowRoot.querySelector('button')?.click();
    await signInAt(() => app.window, login);
    await expectSignedIn(app, login);
    const first = app.window.appClient.session!;
    expect(first.refreshToken).to.be.a('string');
    await untilDue(first.expiresAt!);
    const token = await app.window.appClient.getAccessToken();
    const second = app.window.appClient.session!;
    expect(token).to.equal(second.accessToken).and.not.to.equal(first.accessToken);
    expect(second.refreshToken).not.to.equal(first.refreshToken);
    expect(await countsOf(login)).to.deep.equal({ refreshes: 1, reuses: 0 });

    const refresh = (refreshToken: string) =>
      fetch(`${opIssuer}token`, {
        method: 'POST',
        body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: 'kit' }),
      });
    expect((await (await refresh(first.refreshToken!)).json()).error).to.equal('invalid_grant');
    expect((await countsOf(login)).reuses).to.equal(1);
    // The whole grant is gone: the current refresh token too.
    expect((await (await refresh(second.refreshToken!)).json()).error).to.equal('invalid_grant');
  });

  it('sends one refresh per expiry across 4 tabs, 3 times, and never a rotated refresh token (counted by oidc-provider’s events)', async function () {
    this.timeout(60_000);
    const login = newLogin();
    const first = await openAppAtOp({ fromScript: true, renewBefore: 3598 });
    first.button().shadowRoot.querySelector('button')?.click();
    await signInAt(() => first.window, login);
    await expectSignedIn(first, login);
    const apps = [first];
    for (let index = 1; index < 4; index += 1)
      apps.push(
        await openApp({
          issuer: opIssuer,
          clientId: 'kit',
          scope: 'openid profile email',
          fromScript: true,
          renewBefore: 3598,
        }),
      );
    await waitFor(() => apps.every((app) => app.window.appClient?.session), 'every tab to share the session');
    for (let race = 1; race <= 3; race += 1) {
      const previous = first.window.appClient.session!;
      await untilDue(previous.expiresAt!);
      const tokens = await Promise.all(apps.map((app) => app.window.appClient.getAccessToken()));
      expect(new Set(tokens).size, `race ${race}: one token for all`).to.equal(1);
      expect(tokens[0]).not.to.equal(previous.accessToken);
      expect(await countsOf(login), `race ${race}`).to.deep.equal({ refreshes: race, reuses: 0 });
    }
  });

  it('binds the tokens to the browser’s key with DPoP and sends them with client.fetch() to a resource server that checks the binding (RFC 9449 §7.1), with PAR', async () => {
    const login = newLogin();
    const app = await openAppAtOp({ fromScript: true, dpop: true, par: true, renewBefore: 3598 });
    app.button().shadowRoot.querySelector('button')?.click();
    await signInAt(() => app.window, login);
    await expectSignedIn(app, login);
    const session = app.window.appClient.session!;
    expect(session.tokenType.toLowerCase()).to.equal('dpop');
    const response = await app.window.appClient.fetch('/op-resource');
    expect(response.status).to.equal(200);
    expect((await response.json()).sub).to.equal(login);
    // The same token without a proof of its key is refused, at the resource server and at UserInfo.
    const bearer = { authorization: `Bearer ${session.accessToken}` };
    expect((await fetch('/op-resource', { headers: bearer })).status).to.equal(401);
    expect((await fetch(`${opIssuer}me`, { headers: bearer })).status).to.equal(401);
    // The refresh token is bound too: a refresh with a proof works.
    await untilDue(session.expiresAt!);
    await app.window.appClient.getAccessToken();
    expect(app.window.appClient.session!.accessToken).not.to.equal(session.accessToken);
    expect((await app.window.appClient.fetch('/op-resource')).status).to.equal(200);
  });

  it('reads the user from UserInfo, revokes both tokens on logout, and ends the session at the end_session_endpoint', async () => {
    const login = newLogin();
    const app = await openAppAtOp({ fromScript: true });
    app.button().shadowRoot.querySelector('button')?.click();
    await signInAt(() => app.window, login);
    await expectSignedIn(app, login);
    const session = app.window.appClient.session!;
    const userinfo = await fetch(`${opIssuer}me`, { headers: { authorization: `Bearer ${session.accessToken}` } });
    expect(await userinfo.json()).to.include({ sub: login, email: `${login}@op.example` });

    const appUrl = app.window.location.href.split('?')[0]!;
    await app.window.appClient.logout({ endSession: true, postLogoutRedirectUri: appUrl });
    expect(app.window.appClient?.session ?? null).to.equal(null);
    const confirm = await waitFor(
      () => app.document.querySelector<HTMLButtonElement>('button[name="logout"]'),
      'the sign-out page',
      15_000,
    );
    confirm.click();
    await waitFor(
      () => app.document.location.href.startsWith(appUrl) && app.button()?.shadowRoot,
      'the way back to the app',
      15_000,
    );
    expect(
      (await fetch(`${opIssuer}me`, { headers: { authorization: `Bearer ${session.accessToken}` } })).status,
    ).to.equal(401);
    const refreshed = await fetch(`${opIssuer}token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: session.refreshToken!,
        client_id: 'kit',
      }),
    });
    expect((await refreshed.json()).error).to.equal('invalid_grant');
    // The provider's session is over: signing in again asks for the login. The button takes a press
    // once the page's client has read its (empty) store; until then it is disabled.
    const again = await waitFor(
      () => app.button()?.shadowRoot?.querySelector<HTMLButtonElement>('button:not([disabled])'),
      'the button to take a press again',
    );
    again.click();
    await waitFor(() => app.document.querySelector('input[name="login"]'), 'the login page again');
  });
});
