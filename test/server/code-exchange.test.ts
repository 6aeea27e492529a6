import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { ProfileId } from '../../src/core/profiles/index.js';
import type { MockClient } from '../../src/mock-provider/state.js';
import { codeExchangeHandler, type CodeExchangeOptions, type FetchHandler } from '../../src/server/code-exchange.js';
import { nodeRoute } from '../../src/server/node-adapter.js';
import { memorySessionStore, type BackendSession, type SessionStore } from '../../src/server/session-store.js';
import { _browser, type TestBrowser } from './_browser.js';
import { _serveMock, type ServedMock } from './_mock-server.js';

const app = 'https://app.example';
const redirectUri = `${app}/callback`;
const stateA = 'state-of-the-victims-sign-in-0001';
const stateB = 'state-of-the-attackers-sign-in-02';
// RFC 7636 Appendix B.
const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const pkce = {
  code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
  code_challenge_method: 'S256',
  nonce: 'a-nonce-of-this-sign-in',
};

type Body = Record<string, unknown>;

// The route as the token-mediating backend of the browser-apps BCP:
// https://datatracker.ietf.org/doc/html/draft-ietf-oauth-browser-based-apps#section-6.2
describe('codeExchangeHandler', () => {
  let mock: ServedMock;
  const clientOf = (profile: ProfileId): MockClient =>
    mock.provider.registerClient(
      {
        redirect_uris: [redirectUri],
        token_endpoint_auth_method: 'client_secret_post',
        grant_types: ['authorization_code', 'refresh_token'],
      },
      profile,
    );
  const handlerOf = (
    profile: ProfileId,
    client: MockClient,
    options: Partial<CodeExchangeOptions> = {},
  ): FetchHandler =>
    codeExchangeHandler({
      profile,
      issuer: mock.issuerOf(profile),
      // OpenID providers have no paths in their profile: their endpoints come from discovery.
      ...(profile === 'oidc'
        ? { tokenEndpoint: `${mock.issuerOf(profile)}/token`, revocationEndpoint: `${mock.issuerOf(profile)}/revoke` }
        : {}),
      clientId: client.client_id,
      clientSecret: client.client_secret ?? '',
      allowedOrigins: [app],
      ...options,
    });
  const post = (
    handler: FetchHandler,
    form: Record<string, string>,
    headers: Record<string, string> = { origin: app },
  ) =>
    handler(
      new Request('http://backend.local/api/oauth/token', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body: new URLSearchParams(form),
      }),
    );
  /** A code the mock issues to `client` for Alice, as the browser would bring it back. */
  const codeFor = async (
    profile: ProfileId,
    client: MockClient,
    extra: Record<string, string> = {},
  ): Promise<string> => {
    mock.provider.signInAs('alice', { profile, clientId: client.client_id });
    const authorization = new URL(
      `${mock.issuerOf(profile)}${profile === 'phpapi' ? '/api/authorize.php' : profile === 'oidc' ? '/authorize' : '/oauth/authorize'}`,
    );
    authorization.search = new URLSearchParams({
      client_id: client.client_id,
      redirect_uri: redirectUri,
      response_type: 'code',
      state: 'st',
      ...extra,
    }).toString();
    const location = (await fetch(authorization, { redirect: 'manual' })).headers.get('location') ?? '';
    return new URL(location).searchParams.get('code') ?? '';
  };
  const exchangeForm = (client: MockClient, code: string, state = stateA) => ({
    grant_type: 'authorization_code',
    code,
    redirect_uri: redirectUri,
    client_id: client.client_id,
    state,
  });
  const refreshForm = (client: MockClient) => ({ grant_type: 'refresh_token', client_id: client.client_id });
  const logOf = (client: MockClient) =>
    mock.provider.control.log.filter((entry) => entry.clientId === client.client_id && entry.method === 'POST');
  const grantsOf = (client: MockClient) => logOf(client).map((entry) => [entry.grantType, entry.status]);
  /** A browser that started sign-in `state` and came back with a code for it. */
  const signedIn = async (
    profile: ProfileId,
    client: MockClient,
    handler: FetchHandler,
  ): Promise<{ browser: TestBrowser; response: Response; body: Body }> => {
    const browser = _browser(handler, app);
    assert.equal((await browser.start(stateA)).status, 204);
    const response = await browser.post(exchangeForm(client, await codeFor(profile, client)));
    return { browser, response, body: (await response.clone().json()) as Body };
  };

  before(async () => {
    mock = await _serveMock();
  });
  after(() => mock.close());

  it('refuses a foreign Origin, and a request with none, before the provider hears of it', async () => {
    const client = clientOf('gearcode');
    const handler = handlerOf('gearcode', client);
    const browser = _browser(handler, app);
    await browser.start(stateA);
    const code = await codeFor('gearcode', client);
    for (const origin of ['https://evil.example', undefined, 'null']) {
      const cookie = [...browser.jar].map(([name, value]) => `${name}=${value}`).join('; ');
      const response = await post(handler, exchangeForm(client, code), { cookie, ...(origin ? { origin } : {}) });
      assert.equal(response.status, 403);
      assert.equal(response.headers.get('access-control-allow-origin'), null);
      assert.equal(((await response.json()) as { error: string }).error, 'invalid_request');
    }
    assert.equal(logOf(client).length, 0);
    assert.equal((await browser.post(exchangeForm(client, code))).status, 200);
  });

  it('a forged Origin from Node, without the cookie of the browser that started the sign-in, redeems no code and refreshes nothing', async () => {
    const client = clientOf('gearcode');
    const handler = handlerOf('gearcode', client);
    const victim = await signedIn('gearcode', client, handler);
    assert.equal(victim.response.status, 200);
    // The attacker holds a code of a sign-in the victim started, and forges the app's Origin.
    await _browser(handler, app).start(stateB);
    const victimsCode = await codeFor('gearcode', client);
    const stolen = await post(handler, exchangeForm(client, victimsCode));
    assert.deepEqual([stolen.status, ((await stolen.json()) as Body)['error']], [400, 'invalid_grant']);
    // A refresh token from elsewhere is not relayed; without the session cookie there is nothing to refresh.
    const relayed = await post(handler, { ...refreshForm(client), refresh_token: 'a-refresh-token-stolen-elsewhere' });
    assert.deepEqual([relayed.status, ((await relayed.json()) as Body)['error']], [400, 'invalid_request']);
    const bare = await post(handler, refreshForm(client));
    assert.deepEqual([bare.status, ((await bare.json()) as Body)['error']], [400, 'invalid_grant']);
    assert.deepEqual(grantsOf(client), [['authorization_code', 200]]);
  });

  it('redeems a code only with the cookie and state of the sign-in that browser started, once', async () => {
    const client = clientOf('gearcode');
    const handler = handlerOf('gearcode', client);
    const victim = _browser(handler, app);
    const other = _browser(handler, app);
    await victim.start(stateA);
    await other.start(stateB);
    const code = await codeFor('gearcode', client);
    assert.equal((await other.post(exchangeForm(client, code, stateA))).status, 400, 'another browser’s cookie');
    assert.equal(
      (await victim.post(exchangeForm(client, code, 'a-state-nobody-started-here'))).status,
      400,
      'a state this browser did not start',
    );
    assert.equal(logOf(client).length, 0);
    assert.equal((await victim.post(exchangeForm(client, code, stateA))).status, 200);
    const again = await victim.post(exchangeForm(client, await codeFor('gearcode', client), stateA));
    assert.equal(again.status, 400, 'the sign-in is finished: its state is spent');
  });

  it('residual risk without PKCE: a stolen gearcode code is redeemed by an attacker who starts a sign-in of their own (code injection, RFC 9700 §4.5); with PKCE the provider refuses it', async () => {
    const gearcode = clientOf('gearcode');
    const attacker = _browser(handlerOf('gearcode', gearcode), app);
    await attacker.start(stateB);
    assert.equal(
      (await attacker.post(exchangeForm(gearcode, await codeFor('gearcode', gearcode), stateB))).status,
      200,
    );
    const oidc = clientOf('oidc');
    const oidcAttacker = _browser(handlerOf('oidc', oidc), app);
    await oidcAttacker.start(stateB);
    const pkceCode = await codeFor('oidc', oidc, { ...pkce, scope: 'openid' });
    const injected = await oidcAttacker.post({
      ...exchangeForm(oidc, pkceCode, stateB),
      code_verifier: 'the-attacker-does-not-know-the-verifier-of-this-code',
    });
    assert.deepEqual([injected.status, ((await injected.json()) as Body)['error']], [400, 'invalid_grant']);
  });

  /** A DPoP proof by a new key (or `key`) for `htu`, as the kit's browser signs one. */
  const proofOf = async (htu: string, key?: CryptoKeyPair): Promise<{ proof: string; key: CryptoKeyPair }> => {
    const pair = key ?? ((await generateKeyPair('ES256')) as CryptoKeyPair);
    const jwk = await exportJWK(pair.publicKey);
    const proof = await new SignJWT({ htm: 'POST', htu, jti: randomUUID() })
      .setProtectedHeader({ typ: 'dpop+jwt', alg: 'ES256', jwk })
      .setIssuedAt()
      .sign(pair.privateKey);
    return { proof, key: pair };
  };

  it('DPoP: forwards a proof that names the provider’s token endpoint, so the tokens are bound; refuses one that names the backend; a refresh must prove the same key (RFC 9449 §4.3, §5)', async () => {
    const client = clientOf('oidc');
    const tokenEndpoint = `${mock.issuerOf('oidc')}/token`;
    const browser = _browser(handlerOf('oidc', client), app);
    await browser.start(stateA);
    const code = await codeFor('oidc', client, { ...pkce, scope: 'openid' });
    const form = { ...exchangeForm(client, code), code_verifier: verifier };
    const misaddressed = await browser.post(form, {
      dpop: (await proofOf('http://backend.local/api/oauth/token')).proof,
    });
    assert.deepEqual(
      [misaddressed.status, ((await misaddressed.json()) as Body)['error']],
      [400, 'invalid_dpop_proof'],
    );
    assert.equal(logOf(client).length, 0);
    const { proof, key } = await proofOf(tokenEndpoint);
    const bound = (await (await browser.post(form, { dpop: proof })).json()) as Body;
    assert.equal(bound['token_type'], 'DPoP');
    const otherKey = await browser.post(refreshForm(client), { dpop: (await proofOf(tokenEndpoint)).proof });
    assert.deepEqual([otherKey.status, ((await otherKey.json()) as Body)['error']], [400, 'invalid_dpop_proof']);
    const none = await browser.post(refreshForm(client));
    assert.equal(none.status, 400, 'no silent downgrade to Bearer at a refresh');
    const refreshed = (await (
      await browser.post(refreshForm(client), { dpop: (await proofOf(tokenEndpoint, key)).proof })
    ).json()) as Body;
    assert.equal(refreshed['token_type'], 'DPoP');
    assert.deepEqual(grantsOf(client), [
      ['authorization_code', 200],
      ['refresh_token', 200],
    ]);
  });

  it('refuses other methods, bodies that are not a form, without a code, or for another client', async () => {
    const client = clientOf('gearcode');
    const handler = handlerOf('gearcode', client);
    const get = await handler(new Request('http://backend.local/api/oauth/token', { headers: { origin: app } }));
    assert.equal(get.status, 405);
    assert.equal(get.headers.get('allow'), 'POST');
    const json = await handler(
      new Request('http://backend.local/api/oauth/token', {
        method: 'POST',
        headers: { origin: app, 'content-type': 'application/json' },
        body: '{"code":"c"}',
      }),
    );
    assert.equal(json.status, 400);
    const noCode = await post(handler, { grant_type: 'authorization_code', client_id: client.client_id });
    assert.deepEqual([noCode.status, ((await noCode.json()) as { error: string }).error], [400, 'invalid_request']);
    const other = await post(handler, { grant_type: 'authorization_code', code: 'c', client_id: 'someone-else' });
    assert.equal(other.status, 400);
    const grant = await post(handler, { grant_type: 'client_credentials' });
    assert.equal(((await grant.json()) as { error: string }).error, 'unsupported_grant_type');
    const start = await post(handler, { action: 'start', state: 'short' });
    assert.equal(start.status, 400);
    assert.equal(logOf(client).length, 0);
  });

  it('answers a preflight from an allowed origin with CORS headers that let the cookie and a DPoP proof through', async () => {
    const handler = handlerOf('gearcode', clientOf('gearcode'));
    const response = await handler(
      new Request('http://backend.local/api/oauth/token', { method: 'OPTIONS', headers: { origin: app } }),
    );
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), app);
    assert.equal(response.headers.get('access-control-allow-credentials'), 'true');
    assert.match(response.headers.get('access-control-allow-headers') ?? '', /\bdpop\b/);
  });

  it('sets an HttpOnly, Secure, SameSite=Strict __Host- cookie at the start, and a new one at sign-in', async () => {
    const client = clientOf('gearcode');
    const handler = handlerOf('gearcode', client);
    const browser = _browser(handler, app);
    await browser.start(stateA);
    const [started = ''] = browser.lastSetCookies;
    assert.match(
      started,
      /^__Host-oauth-elements-[\w-]+=[\w-]{43}; Path=\/; HttpOnly; Secure; SameSite=Strict; Max-Age=600$/,
    );
    const before = [...browser.jar.values()];
    await browser.post(exchangeForm(client, await codeFor('gearcode', client)));
    const [signedInCookie = ''] = browser.lastSetCookies;
    assert.match(signedInCookie, /; Path=\/; HttpOnly; Secure; SameSite=Strict; Max-Age=604800$/);
    assert.notDeepEqual([...browser.jar.values()], before, 'a new session id at sign-in');
  });

  it('gearcode: adds the secret and resource_id, answers 899-second tokens without the refresh token, then refreshes with the one it keeps, rotated', async () => {
    const client = clientOf('gearcode');
    const handler = handlerOf('gearcode', client);
    const { browser, response, body } = await signedIn('gearcode', client, handler);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.equal(response.headers.get('access-control-allow-origin'), app);
    assert.deepEqual([body['expires_in'], body['token_type'], 'refresh_token' in body], [899, 'bearer', false]);
    const refreshed = await browser.post(refreshForm(client));
    const renewed = (await refreshed.json()) as Body;
    assert.equal(refreshed.status, 200);
    assert.equal('refresh_token' in renewed, false);
    assert.notEqual(renewed['access_token'], body['access_token']);
    // The provider rotated the refresh token; the backend kept the new one, so a second refresh works.
    assert.equal((await browser.post(refreshForm(client))).status, 200);
    assert.deepEqual(grantsOf(client), [
      ['authorization_code', 200],
      ['refresh_token', 200],
      ['refresh_token', 200],
    ]);
  });

  it('refreshes once for two refreshes of one session at the same time', async () => {
    const client = clientOf('gearcode');
    const { browser } = await signedIn('gearcode', client, handlerOf('gearcode', client));
    const [first, second] = await Promise.all([browser.post(refreshForm(client)), browser.post(refreshForm(client))]);
    assert.deepEqual([first.status, second.status], [200, 200]);
    assert.equal(((await first.json()) as Body)['access_token'], ((await second.json()) as Body)['access_token']);
    assert.deepEqual(grantsOf(client), [
      ['authorization_code', 200],
      ['refresh_token', 200],
    ]);
  });

  it('logout forgets the session, clears the cookie and revokes the refresh token at a provider that can', async () => {
    const client = clientOf('oidc');
    const handler = handlerOf('oidc', client);
    const browser = _browser(handler, app);
    await browser.start(stateA);
    const code = await codeFor('oidc', client, { ...pkce, scope: 'openid' });
    const exchanged = await browser.post({ ...exchangeForm(client, code), code_verifier: verifier });
    assert.equal(exchanged.status, 200, await exchanged.clone().text());
    const cookie = [...browser.jar].map(([name, value]) => `${name}=${value}`).join('; ');
    const loggedOut = await browser.post({ action: 'logout' });
    assert.equal(loggedOut.status, 204);
    assert.match(browser.lastSetCookies[0] ?? '', /Max-Age=0/);
    assert.deepEqual(
      logOf(client)
        .map((entry) => [entry.path, entry.status])
        .slice(-1),
      [['/revoke', 200]],
    );
    // The old cookie, replayed, finds no session.
    const replayed = await post(handler, refreshForm(client), { origin: app, cookie });
    assert.deepEqual([replayed.status, ((await replayed.json()) as Body)['error']], [400, 'invalid_grant']);
  });

  it('a refresh the provider refuses ends the session here too', async () => {
    const client = clientOf('gearcode');
    const { browser } = await signedIn('gearcode', client, handlerOf('gearcode', client));
    mock.provider.deleteClient(client.client_id, 'gearcode');
    const refused = await browser.post(refreshForm(client));
    assert.ok(refused.status === 400 || refused.status === 401);
    assert.equal(browser.jar.size, 0, 'the cookie is cleared');
  });

  it('keeps sessions in the store it is given, under digests of the cookie, never the cookie itself', async () => {
    const client = clientOf('gearcode');
    const inner = memorySessionStore();
    const keys: string[] = [];
    const store: SessionStore = {
      get: (key) => inner.get(key),
      set: (key, session: BackendSession) => (keys.push(key), inner.set(key, session)),
      delete: (key) => inner.delete(key),
    };
    const { browser, body } = await signedIn(
      'gearcode',
      client,
      handlerOf('gearcode', client, { sessionStore: store }),
    );
    const cookie = [...browser.jar.values()][0] ?? '';
    const kept = await inner.get(keys.at(-1) ?? '');
    assert.equal(typeof kept?.refreshToken, 'string');
    assert.notEqual(kept?.refreshToken, body['access_token']);
    assert.ok(!keys.includes(cookie));
  });

  it('phpapi: sends no grant_type, and relays a 429 with its Retry-After; the retry still finds its sign-in', async () => {
    const client = clientOf('phpapi');
    const browser = _browser(handlerOf('phpapi', client), app);
    await browser.start(stateA);
    mock.provider.script({
      next: 'token',
      fault: 'rate_limited',
      retryAfter: 3,
      clientId: client.client_id,
      profile: 'phpapi',
    });
    const code = await codeFor('phpapi', client);
    const limited = await browser.post(exchangeForm(client, code));
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('retry-after'), '3');
    const response = await browser.post(exchangeForm(client, code));
    assert.equal(response.status, 200);
    assert.deepEqual(grantsOf(client), [
      [undefined, 429],
      [undefined, 200],
    ]);
  });

  it('relays the provider’s refusal as it is', async () => {
    const client = clientOf('phpapi');
    const browser = _browser(handlerOf('phpapi', client), app);
    await browser.start(stateA);
    const response = await browser.post(exchangeForm(client, 'no-such-code'));
    assert.equal(response.status, 400);
    assert.equal(((await response.json()) as { error: string }).error, 'invalid_code');
  });

  it('refuses a redirect_uri other than the configured one', async () => {
    const client = clientOf('gearcode');
    const browser = _browser(handlerOf('gearcode', client, { redirectUri }), app);
    await browser.start(stateA);
    const response = await browser.post({ ...exchangeForm(client, 'c'), redirect_uri: 'https://evil.example/cb' });
    assert.equal(response.status, 400);
    assert.equal(logOf(client).length, 0);
  });

  it('is refused (invalid_config) without a token endpoint or allowed origins, or with a bad origin or cookie name', () => {
    assert.throws(
      () => codeExchangeHandler({ profile: 'oidc', clientId: 'c', clientSecret: 's', allowedOrigins: [app] }),
      { name: 'OAuthError', code: 'invalid_config' },
    );
    assert.throws(
      () =>
        codeExchangeHandler({
          tokenEndpoint: 'https://id.example/token',
          clientId: 'c',
          clientSecret: 's',
          allowedOrigins: [],
        }),
      { name: 'OAuthError', code: 'invalid_config' },
    );
    const options = { tokenEndpoint: 'https://id.example/token', clientId: 'c', clientSecret: 's' };
    assert.throws(() => codeExchangeHandler({ ...options, allowedOrigins: ['no origin'] }), {
      code: 'invalid_config',
    });
    assert.throws(() => codeExchangeHandler({ ...options, allowedOrigins: [app], cookieName: 'a b' }), {
      code: 'invalid_config',
    });
  });

  it('serves through nodeRoute on a Node server, over HTTP, and passes other paths on', async () => {
    const client = clientOf('gearcode');
    const route = nodeRoute('/api/oauth/token', handlerOf('gearcode', client));
    const server = createServer((req, res) => route(req, res, () => res.writeHead(404).end()));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const started = await fetch(`${base}/api/oauth/token`, {
        method: 'POST',
        headers: { origin: app },
        body: new URLSearchParams({ action: 'start', state: stateA }),
      });
      const cookie = (started.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const form = new URLSearchParams(exchangeForm(client, await codeFor('gearcode', client)));
      const foreign = await fetch(`${base}/api/oauth/token`, {
        method: 'POST',
        headers: { origin: 'https://evil.example', cookie },
        body: form,
      });
      assert.equal(foreign.status, 403);
      const allowed = await fetch(`${base}/api/oauth/token`, {
        method: 'POST',
        headers: { origin: app, cookie },
        body: form,
      });
      assert.equal(allowed.status, 200);
      assert.equal((await fetch(`${base}/elsewhere`)).status, 404);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
