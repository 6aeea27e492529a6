import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { OAuthError } from '../../src/core/errors.js';
import type { MockClient } from '../../src/mock-provider/state.js';
import { clientCredentials } from '../../src/server/client-credentials.js';
import { _serveMock, type ServedMock } from './_mock-server.js';

describe('clientCredentials against the rservice mock', () => {
  let mock: ServedMock;
  let app: MockClient;
  let tokenEndpoint: string;
  const me = (token: string) =>
    fetch(`${mock.issuerOf('rservice')}/api/me`, { headers: { authorization: `Bearer ${token}` } });
  const tokenRequests = (clientId: string) =>
    mock.provider.control.log.filter(
      (entry) => entry.profile === 'rservice' && entry.path === '/token' && entry.clientId === clientId,
    );
  const register = (metadata = {}) =>
    mock.provider.registerClient({ client_name: 'Reports job', ...metadata }, 'rservice');

  before(async () => {
    mock = await _serveMock();
    tokenEndpoint = `${mock.issuerOf('rservice')}/token`;
    app = register();
  });
  after(() => mock.close());

  it('gets a token of one hour that the API takes, and serves it from the cache afterwards', async () => {
    const credentials = clientCredentials({
      tokenEndpoint,
      clientId: app.client_id,
      clientSecret: app.client_secret ?? '',
    });
    const response = await credentials.getToken();
    assert.equal(response.expires_in, 3600);
    assert.equal(response.token_type, 'Bearer');
    const token = await credentials.getAccessToken();
    assert.equal(token, response.access_token);
    assert.equal((await me(token)).status, 200);
    assert.equal(((await (await me(token)).json()) as { client_id: string }).client_id, app.client_id);
    assert.equal(tokenRequests(app.client_id).length, 1);
  });

  it('asks once for concurrent callers', async () => {
    const client = register();
    const credentials = clientCredentials({
      tokenEndpoint,
      clientId: client.client_id,
      clientSecret: client.client_secret ?? '',
    });
    const tokens = await Promise.all([
      credentials.getAccessToken(),
      credentials.getAccessToken(),
      credentials.getAccessToken(),
    ]);
    assert.equal(new Set(tokens).size, 1);
    assert.equal(tokenRequests(client.client_id).length, 1);
  });

  it('fetches a new token once the cached one is within renewBefore of its expiry', async () => {
    const client = register({ access_token_lifetime: 90 });
    const cached = clientCredentials({
      tokenEndpoint,
      clientId: client.client_id,
      clientSecret: client.client_secret ?? '',
      renewBefore: 60,
    });
    assert.equal(await cached.getAccessToken(), await cached.getAccessToken());
    const renewing = clientCredentials({
      tokenEndpoint,
      clientId: client.client_id,
      clientSecret: client.client_secret ?? '',
      renewBefore: 100,
    });
    assert.notEqual(await renewing.getAccessToken(), await renewing.getAccessToken());
    assert.equal(tokenRequests(client.client_id).length, 3);
  });

  it('authenticates with client_secret_basic when asked, sending no secret in the body', async () => {
    const client = register();
    const credentials = clientCredentials({
      tokenEndpoint,
      clientId: client.client_id,
      clientSecret: client.client_secret ?? '',
      authMethod: 'client_secret_basic',
    });
    assert.equal((await me(await credentials.getAccessToken())).status, 200);
  });

  it('loses its token when the client is disabled: the API refuses it and a new one is refused with invalid_client', async () => {
    const client = register();
    const credentials = clientCredentials({
      tokenEndpoint,
      clientId: client.client_id,
      clientSecret: client.client_secret ?? '',
    });
    const token = await credentials.getAccessToken();
    mock.provider.disableClient(client.client_id, 'rservice');
    assert.equal((await me(token)).status, 401);
    credentials.invalidate();
    await assert.rejects(credentials.getAccessToken(), (error: unknown) => {
      assert.ok(error instanceof OAuthError);
      assert.equal(error.code, 'provider_error');
      assert.equal(error.error, 'invalid_client');
      assert.equal(error.status, 400);
      assert.equal(typeof error.errorDescription, 'string');
      return true;
    });
  });

  it('throws an OAuthError with the provider’s error for a wrong secret, and caches nothing', async () => {
    const credentials = clientCredentials({ tokenEndpoint, clientId: app.client_id, clientSecret: 'wrong' });
    await assert.rejects(credentials.getAccessToken(), {
      name: 'OAuthError',
      code: 'provider_error',
      error: 'invalid_client',
    });
    await assert.rejects(credentials.getAccessToken(), { error: 'invalid_client' });
  });

  it('refuses missing options and a token endpoint that is no URL as invalid_config', () => {
    const invalid = { name: 'OAuthError', code: 'invalid_config' };
    assert.throws(() => clientCredentials({ tokenEndpoint, clientId: '', clientSecret: 's' }), invalid);
    assert.throws(() => clientCredentials({ tokenEndpoint: 'not a url', clientId: 'c', clientSecret: 's' }), invalid);
  });
});
