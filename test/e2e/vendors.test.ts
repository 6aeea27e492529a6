// Each vendor recipe of README's "Works with", signed in, refreshed and signed out end to end against the mock's
// emulation of that vendor (src/mock-provider/profiles/vendors.ts, github.ts), shaped after the documentation cited.
import { decodeJwt } from 'jose';
import { expect } from 'chai';
import {
  callback,
  codeRequest,
  authorize,
  control,
  register,
  requestsOf,
  served,
  waitFor,
  type MockAt,
} from '../_mock.js';
import { appPath, openApp, type App, type AppOptions } from './_harness.js';

const appUrl = `${location.origin}${appPath}`;
const at = (id: string): MockAt => ({ ...served, issuer: `${location.origin}/mock/${id}` });

/** Registers a client of the vendor's emulation for the app page (and the test callback), with the app page as its sign-out URL. */
async function clientAt(
  id: string,
  metadata: Record<string, unknown> = {},
): Promise<{ client_id: string; client_secret?: string | undefined }> {
  return register(
    [appPath, callback],
    { post_logout_redirect_uris: [appUrl], grant_types: ['authorization_code', 'refresh_token'], ...metadata },
    at(id),
  );
}

const offline = 'openid profile email offline_access';

/** What a recipe registers at its vendor's emulation, and the app's configuration (for its client) as README's recipe gives it. */
interface Recipe {
  registration?: Record<string, unknown>;
  app: AppOptions | ((clientId: string) => AppOptions);
}

/** Each vendor's recipe, as the tests below sign in with it: the client made from script, on the emulation's issuer. */
const recipes: Record<string, Recipe> = {
  auth0: {
    registration: { scope: offline },
    app: {
      issuer: `${at('auth0').issuer}/`,
      profile: 'auth0',
      scope: offline,
      authorizationParams: { audience: 'https://api.example.com' },
      renewBefore: 86_398,
    },
  },
  okta: { registration: { scope: offline }, app: { scope: offline, renewBefore: 3598 } },
  keycloak: { app: { scope: 'openid profile email', renewBefore: 298 } },
  entra: {
    registration: { scope: offline },
    app: { issuer: `${at('entra').issuer}/common/v2.0`, scope: offline, renewBefore: 3598 },
  },
  google: {
    registration: {
      token_endpoint_auth_method: 'client_secret_post',
      response_types: ['code', 'id_token token'],
      grant_types: ['authorization_code', 'implicit'],
    },
    app: { flow: 'implicit', scope: 'openid profile email' },
  },
  cognito: { app: { profile: 'cognito', scope: 'openid profile email', renewBefore: 3598 } },
  github: {
    registration: { token_endpoint_auth_method: 'client_secret_post', scope: 'read:user user:email' },
    app: (clientId) => ({
      profile: 'github',
      tokenEndpoint: `/api/oauth/github/${clientId}/token`,
      endpoints: { userinfo: `${at('github').issuer}/user` },
      renewBefore: 28_798,
    }),
  },
};

/** Registers a client of the vendor's recipe and opens the app with it; `variant` changes what a case needs otherwise. */
async function openRecipe(
  id: string,
  variant: { registration?: Record<string, unknown>; app?: AppOptions } = {},
): Promise<{ app: App; clientId: string }> {
  const recipe = recipes[id]!;
  const { client_id: clientId } = await clientAt(id, { ...recipe.registration, ...variant.registration });
  const config = typeof recipe.app === 'function' ? recipe.app(clientId) : recipe.app;
  const app = await openApp({ fromScript: true, issuer: at(id).issuer, clientId, ...config, ...variant.app });
  return { app, clientId };
}

/** Approves on the emulation's consent page, shown in the app's frame. */
async function approve(app: App): Promise<URL> {
  const button = await waitFor(() => {
    const element = app.document.querySelector('oauth-consent-popup');
    return element?.shadowRoot?.querySelector<HTMLButtonElement>('[part="approve"]');
  }, 'the consent page');
  const request = new URL(app.document.location.href);
  button.click();
  return request;
}

/** Waits for the sign-in to end, and expects it to have succeeded. */
async function signedIn(app: App): Promise<void> {
  await waitFor(
    () => app.events().find((event) => event === 'oauth-login' || event.startsWith('oauth-error')),
    'the sign-in to end',
    15_000,
  );
  expect(app.events()).to.include('oauth-login');
}

/** Signs in from script by redirect; resolves to the authorization request the provider got. */
async function signIn(app: App, options: Record<string, unknown> = {}): Promise<URL> {
  app.window.appClient.login({ mode: 'redirect', ...options }).catch(() => undefined);
  const request = await approve(app);
  await signedIn(app);
  return request;
}

/**
 * Waits for the client's renewal (its renewBefore puts it two seconds after sign-in); the refresh token must rotate.
 * Through the app's backend the page holds none before or after: the backend keeps it (browser-apps BCP §6.2).
 */
async function refreshed(app: App, through: 'browser' | 'backend' = 'browser'): Promise<void> {
  const first = app.window.appClient.session;
  if (through === 'backend') expect(first?.refreshToken, 'no refresh token in the page').to.equal(undefined);
  else expect(first?.refreshToken, 'a refresh token').to.be.a('string');
  const renewed = await waitFor(() => {
    const session = app.window.appClient.session;
    return session && session.accessToken !== first?.accessToken ? session : null;
  }, 'the refresh');
  if (through === 'backend') expect(renewed.refreshToken).to.equal(undefined);
  else expect(renewed.refreshToken).to.be.a('string').and.not.equal(first?.refreshToken);
  expect(renewed.user?.sub).to.equal(first?.user?.sub);
}

/** A sign-in whose id_token the mock spoils with `fault` ends in invalid_id_token, nothing kept. */
async function expectIdTokenRefused(app: App, clientId: string, fault: string, profile: string): Promise<void> {
  await control({ command: 'scenario', scenario: { next: 'id_token', fault, clientId, profile } });
  app.window.appClient.login({ mode: 'redirect' }).catch(() => undefined);
  await approve(app);
  await waitFor(
    () => app.events().find((event) => event.startsWith('oauth-error') || event === 'oauth-login'),
    'the sign-in to end',
  );
  expect(app.events()).to.deep.equal(['oauth-error:invalid_id_token']);
  expect(app.window.appClient.session).to.equal(null);
}

/** Whether the user-agent still has a session at the provider: a `prompt=none` authorization answers a code, or login_required. */
async function providerSessionAlive(mock: MockAt, clientId: string, authorization: string): Promise<boolean> {
  const url = await authorize(
    await codeRequest(clientId, 'v'.repeat(43), { prompt: 'none', scope: 'openid' }),
    'approve',
    { ...mock, endpoints: { authorization } },
  );
  if (url.searchParams.get('error') === 'login_required') return false;
  if (url.searchParams.has('code')) return true;
  throw new Error(`unexpected answer ${url.search}`);
}

/** Signs out ending the provider's session; the frame goes to the vendor's logout endpoint and comes back to the app. */
async function signOutAtProvider(app: App): Promise<Record<string, unknown>> {
  // The frame loads once more: the logout endpoint, whose redirect brings it back to the app.
  const back = new Promise((resolve) => app.frame.addEventListener('load', resolve, { once: true }));
  const result = await app.window.appClient.logout({ endSession: true, postLogoutRedirectUri: appUrl });
  await back;
  await waitFor(
    () => app.document.location.href === appUrl && app.button()?.shadowRoot?.querySelector('button:not([disabled])'),
    'the way back to the app',
  );
  return result as unknown as Record<string, unknown>;
}

describe('vendor recipes, end to end against emulations shaped after each vendor’s documentation', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  // https://auth0.com/docs/get-started/applications/application-settings (Single Page Application: Allowed Callback URLs,
  // Allowed Web Origins, Allowed Logout URLs); https://auth0.com/docs/secure/tokens/access-tokens/get-access-tokens (audience);
  // https://auth0.com/docs/api/authentication/logout/auth-0-logout (GET /v2/logout, client_id, returnTo).
  it('Auth0: a trailing-slash issuer, audience for an API access token, rotating refresh with offline_access, sign-out at /v2/logout with returnTo', async () => {
    const { app, clientId } = await openRecipe('auth0');
    const request = await signIn(app, { authorizationParams: { ui_locales: 'pl' } });
    expect(request.searchParams.get('audience')).to.equal('https://api.example.com');
    expect(request.searchParams.get('ui_locales')).to.equal('pl');
    expect(decodeJwt(app.window.appClient.session!.accessToken).aud, 'an access token for the API').to.equal(
      'https://api.example.com',
    );
    expect(app.window.appClient.user).to.deep.include({ sub: 'alice', name: 'Alice Liddell' });
    await refreshed(app);

    expect(await providerSessionAlive(at('auth0'), clientId, '/authorize')).to.equal(true);
    const result = await signOutAtProvider(app);
    expect(result).to.deep.equal({ revoked: true, providerSession: 'ending', canEndSession: true });
    const logout = (await requestsOf(clientId)).filter((entry) => entry.path === '/v2/logout');
    expect(logout.map((entry) => entry.status)).to.deep.equal([303]);
    expect(await providerSessionAlive(at('auth0'), clientId, '/authorize')).to.equal(false);
  });

  // https://developer.okta.com/docs/guides/implement-grant-type/authcodepkce/main/ (SPA, PKCE, Trusted Origins for CORS);
  // https://developer.okta.com/docs/guides/refresh-tokens/main/ (offline_access); /v1/logout with id_token_hint.
  it('Okta: code + PKCE, refresh with offline_access, RP-Initiated Logout at /v1/logout with id_token_hint', async () => {
    const { app, clientId } = await openRecipe('okta');
    const request = await signIn(app);
    expect(request.pathname).to.equal('/mock/okta/v1/authorize');
    expect(request.searchParams.get('code_challenge_method')).to.equal('S256');
    await refreshed(app);
    const result = await signOutAtProvider(app);
    expect(result).to.deep.equal({ revoked: true, providerSession: 'ending', canEndSession: true });
    expect(await providerSessionAlive(at('okta'), clientId, '/v1/authorize')).to.equal(false);
  });

  // https://www.keycloak.org/securing-apps/oidc-layers (endpoints below /realms/REALM/protocol/openid-connect);
  // https://www.keycloak.org/docs/latest/server_admin/#_timeouts (access tokens of 5 minutes).
  it('Keycloak: RFC 9207 iss, five-minute access tokens refreshed, sign-out at its logout endpoint', async () => {
    const { app, clientId } = await openRecipe('keycloak');
    await signIn(app);
    expect(((app.window.appClient.session?.expiresAt ?? 0) - Date.now()) / 1000).to.be.within(290, 300);
    await refreshed(app);
    const result = await signOutAtProvider(app);
    expect(result).to.deep.equal({ revoked: true, providerSession: 'ending', canEndSession: true });
    expect(await providerSessionAlive(at('keycloak'), clientId, '/protocol/openid-connect/auth')).to.equal(false);
  });

  // https://learn.microsoft.com/entra/identity-platform/v2-protocols-oidc (the common/organizations metadata, issuer
  // with {tenantid}); id-token-claims-reference (iss and tid); scopes-oidc (offline_access); SPA platform (CORS).
  it('Entra ID: the common metadata’s {tenantid} issuer, the id_token’s iss checked with its own tid, offline_access refresh, sign-out', async () => {
    const { app } = await openRecipe('entra');
    const request = await signIn(app);
    expect(request.pathname).to.equal('/mock/entra/common/oauth2/v2.0/authorize');
    const claims = decodeJwt(app.window.appClient.session!.idToken!);
    expect(claims.iss).to.equal(`${at('entra').issuer}/${String(claims['tid'])}/v2.0`);
    await refreshed(app);
    const result = await signOutAtProvider(app);
    expect(result, 'Entra has no revocation endpoint').to.deep.equal({
      revoked: false,
      providerSession: 'ending',
      canEndSession: true,
    });
  });

  it('Entra ID: an id_token whose iss names another tenant than its tid is refused', async () => {
    const { app, clientId } = await openRecipe('entra', {
      app: { issuer: `${at('entra').issuer}/organizations/v2.0`, scope: 'openid profile', renewBefore: undefined },
    });
    await expectIdTokenRefused(app, clientId, 'other_tenant', 'entra');
  });

  // https://developers.google.com/identity/protocols/oauth2/javascript-implicit-flow (a web client's browser flow);
  // https://developers.google.com/identity/openid-connect/openid-connect#authenticationuriparameters (response_type
  // "id_token token", nonce, login_hint, prompt). Google's web clients have a secret: a code needs a backend.
  it('Google, one tag: implicit id_token token with nonce and at_hash, extra parameters from auth-params, sign-out says its session lives', async () => {
    const { app } = await openRecipe('google', {
      app: { fromScript: false, authParams: 'prompt=consent&login_hint=alice@example.com' },
    });
    app.button().shadowRoot.querySelector('button')?.click();
    const request = await approve(app);
    await signedIn(app);
    expect(request.searchParams.get('response_type')).to.equal('id_token token');
    expect(request.searchParams.get('nonce')).to.be.a('string').with.length.above(20);
    expect(request.searchParams.get('prompt')).to.equal('consent');
    expect(request.searchParams.get('login_hint')).to.equal('alice@example.com');
    const session = app.window.appClient.session!;
    expect(session.refreshToken, 'no refresh token in the implicit flow').to.equal(undefined);
    expect(decodeJwt(session.idToken!)['at_hash']).to.be.a('string');
    expect(app.window.location.hash, 'the tokens are scrubbed from the address bar').to.equal('');
    await waitFor(() => app.button().shadowRoot.textContent?.includes('Alice Liddell'), 'the button to show the user');

    app.button().shadowRoot.querySelector('button')?.click();
    await waitFor(() => app.window.appEvents.find((event) => event.type === 'oauth-logout'), 'oauth-logout');
    const logout = app.window.appEvents.find((event) => event.type === 'oauth-logout') as unknown as {
      result: Record<string, unknown>;
    };
    expect(logout.result, 'Google has no logout endpoint for apps').to.deep.equal({
      revoked: true,
      providerSession: 'alive',
      canEndSession: false,
    });
  });

  it('Google: an id_token whose at_hash does not match the access token is refused', async () => {
    const { app, clientId } = await openRecipe('google', {
      registration: { response_types: ['id_token token'], grant_types: ['implicit'] },
      app: { scope: 'openid profile' },
    });
    await expectIdTokenRefused(app, clientId, 'wrong_at_hash', 'google');
  });

  // https://docs.aws.amazon.com/cognito/latest/developerguide/logout-endpoint.html (GET /logout, client_id, logout_uri,
  // Allowed sign-out URLs); cognito-userpools-server-contract-reference (the endpoints; the metadata names no logout).
  it('Cognito: code + PKCE, refresh, sign-out at /logout with client_id and logout_uri, which its metadata does not name', async () => {
    const { app, clientId } = await openRecipe('cognito');
    const metadata = await (await fetch(`${at('cognito').issuer}/.well-known/openid-configuration`)).json();
    expect(metadata.end_session_endpoint).to.equal(undefined);
    await signIn(app);
    await refreshed(app);
    const missing = await app.window.appClient
      .logout({ endSession: true })
      .catch((error: { code?: string }) => error.code);
    expect(missing, 'Cognito needs logout_uri').to.equal('invalid_config');
    expect(app.window.appClient.session, 'refused before anything was cleared').not.to.equal(null);
    expect(await signOutAtProvider(app)).to.deep.equal({
      revoked: false,
      providerSession: 'ending',
      canEndSession: true,
    });
    const logout = (await requestsOf(clientId)).filter((entry) => entry.path === '/logout');
    expect(logout.map((entry) => entry.status)).to.deep.equal([303]);
    expect(await providerSessionAlive(at('cognito'), clientId, '/oauth2/authorize')).to.equal(false);
  });

  // https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps#web-application-flow (no
  // implicit grant, the secret at /login/oauth/access_token); .../refreshing-user-access-tokens; /rest/users/users (GET /user).
  it('GitHub: OAuth without OpenID through the backend exchange, no CORS on its token endpoint, the user from /user, refresh, sign-out says its session lives', async () => {
    const { app, clientId } = await openRecipe('github');
    const request = await signIn(app);
    expect(request.searchParams.get('code_challenge_method')).to.equal('S256');
    expect(app.window.appClient.user).to.deep.include({
      preferred_username: 'alice',
      name: 'Alice Liddell',
      email: 'alice@example.com',
    });
    await refreshed(app, 'backend');
    const direct = await fetch(`${at('github').issuer}/login/oauth/access_token`, {
      method: 'POST',
      body: new URLSearchParams({ client_id: clientId }),
    });
    expect(direct.headers.get('access-control-allow-origin'), 'no CORS on its token endpoint').to.equal(null);
    const result = await app.window.appClient.logout({ endSession: true });
    expect(result).to.deep.equal({ revoked: false, providerSession: 'alive', canEndSession: false });
  });
});

// OpenID Connect Core §3.2 (Implicit Flow): response_type "id_token token", nonce REQUIRED (§3.2.2.1), at_hash (§3.2.2.10).
describe('the generic OpenID profile’s implicit id_token token flow, against the strict oidc mount', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it('signs in with flow implicit: the id_token in the fragment, its nonce and at_hash checked', async () => {
    const { client_id: clientId } = await register([appPath], {
      response_types: ['code', 'id_token token'],
      grant_types: ['authorization_code', 'implicit'],
    });
    const app = await openApp({ fromScript: true, clientId, flow: 'implicit', scope: 'openid profile' });
    const request = await signIn(app);
    expect(request.searchParams.get('response_type')).to.equal('id_token token');
    expect(app.window.appClient.user).to.deep.include({ sub: 'alice', name: 'Alice Liddell' });
    expect(app.window.appClient.session?.refreshToken).to.equal(undefined);
  });

  it('the mount refuses an id_token token request without a nonce', async () => {
    const { client_id: clientId } = await register([appPath, callback], {
      response_types: ['id_token token'],
      grant_types: ['implicit'],
    });
    const url = await authorize({
      response_type: 'id_token token',
      client_id: clientId,
      redirect_uri: callback,
      scope: 'openid',
      state: 's',
    });
    const answer = new URLSearchParams(url.hash.slice(1));
    expect([answer.get('error'), answer.get('state')]).to.deep.equal(['invalid_request', 's']);
  });
});
