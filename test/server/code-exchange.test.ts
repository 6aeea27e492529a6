import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { ProfileId } from '../../src/core/profiles/index.js';
import type { MockClient } from '../../src/mock-provider/state.js';
import { codeExchangeHandler, type FetchHandler } from '../../src/server/code-exchange.js';
import { nodeRoute } from '../../src/server/node-adapter.js';
import { _serveMock, type ServedMock } from './_mock-server.js';

const app = 'https://app.example';
const redirectUri = `${app}/callback`;

describe('codeExchangeHandler', () => {
  let mock: ServedMock;
  const clientOf = (profile: ProfileId): MockClient =>
    mock.provider.registerClient({ redirect_uris: [redirectUri], token_endpoint_auth_method: 'client_secret_post', grant_types: ['authorization_code', 'refresh_token'] }, profile);
  const handlerOf = (profile: ProfileId, client: MockClient): FetchHandler =>
    codeExchangeHandler({ profile, issuer: mock.issuerOf(profile), clientId: client.client_id, clientSecret: client.client_secret ?? '', allowedOrigins: [app] });
  const post = (handler: FetchHandler, form: Record<string, string>, headers: Record<string, string> = { origin: app }) =>
    handler(new Request('http://backend.local/api/oauth/token', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams(form) }));
  /** A code the mock issues to `client` for Alice, as the browser would bring it back. */
  const codeFor = async (profile: ProfileId, client: MockClient): Promise<string> => {
    mock.provider.signInAs('alice', { profile, clientId: client.client_id });
    const authorization = new URL(`${mock.issuerOf(profile)}${profile === 'phpapi' ? '/api/authorize.php' : '/oauth/authorize'}`);
    authorization.search = new URLSearchParams({ client_id: client.client_id, redirect_uri: redirectUri, response_type: 'code', state: 'st' }).toString();
    const location = (await fetch(authorization, { redirect: 'manual' })).headers.get('location') ?? '';
    return new URL(location).searchParams.get('code') ?? '';
  };
  const exchangeForm = (client: MockClient, code: string) => ({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: client.client_id });
  const logOf = (client: MockClient) => mock.provider.control.log.filter((entry) => entry.clientId === client.client_id && entry.method === 'POST');

  before(async () => {
    mock = await _serveMock();
  });
  after(() => mock.close());

  it('refuses a foreign Origin, and a request with none, before the provider hears of it', async () => {
    const client = clientOf('gearcode');
    const handler = handlerOf('gearcode', client);
    const code = await codeFor('gearcode', client);
    for (const headers of [{ origin: 'https://evil.example' }, {}, { origin: 'null' }] as Record<string, string>[]) {
      const response = await post(handler, exchangeForm(client, code), headers);
      assert.equal(response.status, 403);
      assert.equal(response.headers.get('access-control-allow-origin'), null);
      assert.equal(((await response.json()) as { error: string }).error, 'invalid_request');
    }
    assert.equal(logOf(client).length, 0);
    assert.equal((await post(handler, exchangeForm(client, code))).status, 200);
  });

  it('refuses other methods, bodies that are not a form, without a code, or for another client', async () => {
    const client = clientOf('gearcode');
    const handler = handlerOf('gearcode', client);
    const get = await handler(new Request('http://backend.local/api/oauth/token', { headers: { origin: app } }));
    assert.equal(get.status, 405);
    assert.equal(get.headers.get('allow'), 'POST');
    const json = await handler(new Request('http://backend.local/api/oauth/token', { method: 'POST', headers: { origin: app, 'content-type': 'application/json' }, body: '{"code":"c"}' }));
    assert.equal(json.status, 400);
    const noCode = await post(handler, { grant_type: 'authorization_code', client_id: client.client_id });
    assert.deepEqual([noCode.status, ((await noCode.json()) as { error: string }).error], [400, 'invalid_request']);
    const other = await post(handler, { grant_type: 'authorization_code', code: 'c', client_id: 'someone-else' });
    assert.equal(other.status, 400);
    const grant = await post(handler, { grant_type: 'client_credentials' });
    assert.equal(((await grant.json()) as { error: string }).error, 'unsupported_grant_type');
    assert.equal(logOf(client).length, 0);
  });

  it('answers a preflight from an allowed origin with CORS headers', async () => {
    const handler = handlerOf('gearcode', clientOf('gearcode'));
    const response = await handler(new Request('http://backend.local/api/oauth/token', { method: 'OPTIONS', headers: { origin: app } }));
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), app);
  });

  it('gearcode: adds the secret and resource_id, relays 899-second tokens no-store, then a refresh that rotates', async () => {
    const client = clientOf('gearcode');
    const handler = handlerOf('gearcode', client);
    const response = await post(handler, exchangeForm(client, await codeFor('gearcode', client)));
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.equal(response.headers.get('access-control-allow-origin'), app);
    const body = (await response.json()) as { expires_in: number; refresh_token: string; token_type: string };
    assert.deepEqual([body.expires_in, body.token_type], [899, 'bearer']);
    const refreshed = (await (await post(handler, { grant_type: 'refresh_token', refresh_token: body.refresh_token, client_id: client.client_id })).json()) as { refresh_token: string };
    assert.notEqual(refreshed.refresh_token, body.refresh_token);
    assert.deepEqual(logOf(client).map((entry) => [entry.grantType, entry.status]), [['authorization_code', 200], ['refresh_token', 200]]);
  });

  it('phpapi: sends no grant_type, and relays a 429 with its Retry-After', async () => {
    const client = clientOf('phpapi');
    const handler = handlerOf('phpapi', client);
    mock.provider.script({ next: 'token', fault: 'rate_limited', retryAfter: 3, clientId: client.client_id, profile: 'phpapi' });
    const code = await codeFor('phpapi', client);
    const limited = await post(handler, exchangeForm(client, code));
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('retry-after'), '3');
    const response = await post(handler, exchangeForm(client, code));
    assert.equal(response.status, 200);
    assert.deepEqual(logOf(client).map((entry) => [entry.grantType, entry.status]), [[undefined, 429], [undefined, 200]]);
  });

  it('relays the provider’s refusal as it is', async () => {
    const client = clientOf('phpapi');
    const response = await post(handlerOf('phpapi', client), exchangeForm(client, 'no-such-code'));
    assert.equal(response.status, 400);
    assert.equal(((await response.json()) as { error: string }).error, 'invalid_code');
  });

  it('refuses a redirect_uri other than the configured one', async () => {
    const client = clientOf('gearcode');
    const handler = codeExchangeHandler({ profile: 'gearcode', issuer: mock.issuerOf('gearcode'), clientId: client.client_id, clientSecret: client.client_secret ?? '', redirectUri, allowedOrigins: [app] });
    const response = await post(handler, { ...exchangeForm(client, 'c'), redirect_uri: 'https://evil.example/cb' });
    assert.equal(response.status, 400);
    assert.equal(logOf(client).length, 0);
  });

  it('is refused without a token endpoint or allowed origins', () => {
    assert.throws(() => codeExchangeHandler({ profile: 'oidc', clientId: 'c', clientSecret: 's', allowedOrigins: [app] }), TypeError);
    assert.throws(() => codeExchangeHandler({ tokenEndpoint: 'https://id.example/token', clientId: 'c', clientSecret: 's', allowedOrigins: [] }), TypeError);
  });

  it('serves through nodeRoute on a Node server, over HTTP, and passes other paths on', async () => {
    const client = clientOf('gearcode');
    const route = nodeRoute('/api/oauth/token', handlerOf('gearcode', client));
    const server = createServer((req, res) => route(req, res, () => res.writeHead(404).end()));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const form = new URLSearchParams(exchangeForm(client, await codeFor('gearcode', client)));
      const foreign = await fetch(`${base}/api/oauth/token`, { method: 'POST', headers: { origin: 'https://evil.example' }, body: form });
      assert.equal(foreign.status, 403);
      const allowed = await fetch(`${base}/api/oauth/token`, { method: 'POST', headers: { origin: app }, body: form });
      assert.equal(allowed.status, 200);
      assert.equal((await fetch(`${base}/elsewhere`)).status, 404);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
