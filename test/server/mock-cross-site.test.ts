// The mock provider on a developer's machine, driven from another site (issue 14, item 6): the browser attack runs in
// test/mock-provider/cross-site.test.ts; here, over real HTTP from Node, every header a browser would send, forged at will.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { _serveMock, type ServedMock } from './_mock-server.js';

const site = 'https://evil.example';

describe('mock provider: state-changing endpoints take JSON from their own origin only', () => {
  let mock: ServedMock;
  before(async () => (mock = await _serveMock()));
  after(() => mock.close());

  const send = (path: string, method: string, headers: Record<string, string>, body?: unknown) =>
    fetch(`${mock.origin}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const json = { 'content-type': 'application/json' };
  const metadata = { redirect_uris: ['http://localhost:9/cb'], token_endpoint_auth_method: 'none' };

  it('refuses a sign_in_as or a registration from a foreign Origin (403) or not sent as application/json (415)', async () => {
    const clients = mock.provider.states.get('oidc')!.clients.size;
    for (const [headers, status] of [
      [{ ...json, origin: site }, 403],
      [{ ...json, origin: 'null' }, 403],
      [{ 'content-type': 'text/plain' }, 415],
      [{ 'content-type': 'text/plain', origin: mock.origin }, 415],
      [{ 'content-type': 'application/x-www-form-urlencoded' }, 415],
      [{}, 415],
    ] as const) {
      assert.equal(
        (await send('/mock/__control', 'POST', headers, { command: 'sign_in_as', sub: 'bob' })).status,
        status,
      );
      assert.equal((await send('/mock/oidc/register', 'POST', headers, metadata)).status, status);
    }
    assert.equal(mock.provider.control.scenarios.length, 0);
    assert.equal(mock.provider.states.get('oidc')!.clients.size, clients);
  });

  it('obeys JSON from its own origin, or with no Origin (a test or a tool outside a browser)', async () => {
    assert.equal(
      (await send('/mock/__control', 'POST', { ...json, origin: mock.origin }, { command: 'clear_log' })).status,
      200,
    );
    assert.equal(
      (
        await send(
          '/mock/__control',
          'POST',
          { 'content-type': 'application/json; charset=utf-8' },
          { command: 'clear_log' },
        )
      ).status,
      200,
    );
    assert.equal((await send('/mock/oidc/register', 'POST', { ...json, origin: mock.origin }, metadata)).status, 201);
  });

  it('refuses a foreign Origin at client management (RFC 7592): no update, no delete', async () => {
    const created = await (await send('/mock/oidc/register', 'POST', json, metadata)).json();
    const uri = new URL(created.registration_client_uri).pathname;
    const auth = { authorization: `Bearer ${created.registration_access_token}` };
    const update = { ...metadata, client_id: created.client_id, redirect_uris: [`${site}/cb`] };
    assert.equal((await send(uri, 'PUT', { ...json, ...auth, origin: site }, update)).status, 403);
    assert.equal((await send(uri, 'PUT', { 'content-type': 'text/plain', ...auth }, update)).status, 415);
    assert.equal((await send(uri, 'DELETE', { ...auth, origin: site })).status, 403);
    assert.deepEqual(
      mock.provider.states.get('oidc')!.clients.get(created.client_id)?.redirect_uris,
      metadata.redirect_uris,
    );
    assert.equal((await send(uri, 'DELETE', auth)).status, 204);
  });

  it('gives CORS to the origins of clients registered in process, never to one registered over HTTP', async () => {
    const app = 'http://localhost:7001';
    mock.provider.registerClient({ redirect_uris: [`${app}/cb`], token_endpoint_auth_method: 'none' });
    await send('/mock/oidc/register', 'POST', json, { ...metadata, redirect_uris: ['http://127.0.0.1:7002/cb'] });
    const corsOf = async (origin: string) =>
      (
        await fetch(`${mock.origin}/mock/oidc/token`, {
          method: 'OPTIONS',
          headers: { origin, 'access-control-request-method': 'POST' },
        })
      ).headers.get('access-control-allow-origin');
    assert.equal(await corsOf(app), app);
    assert.equal(await corsOf('http://127.0.0.1:7002'), null);
    assert.equal(await corsOf(site), null);
  });

  it('answers even the app’s own origin without CORS at the authorization endpoint and its decision: they are navigations (RFC 6749 §3.1)', async () => {
    const app = 'http://localhost:7003';
    mock.provider.registerClient({ redirect_uris: [`${app}/cb`], token_endpoint_auth_method: 'none' });
    const corsAt = async (path: string) =>
      (
        await fetch(`${mock.origin}/mock/oidc${path}`, {
          method: 'OPTIONS',
          headers: { origin: app, 'access-control-request-method': 'POST' },
        })
      ).headers.get('access-control-allow-origin');
    assert.equal(await corsAt('/token'), app);
    assert.equal(await corsAt('/authorize'), null);
    assert.equal(await corsAt('/authorize/decision'), null);
  });
});
