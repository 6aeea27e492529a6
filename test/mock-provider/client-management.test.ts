import { expect } from 'chai';
import { createMockProvider } from '../../src/mock-provider/provider.js';
import {
  callback,
  codeFlow,
  exchange,
  introspect,
  register,
  tokenRequest,
  userinfoStatus,
  type Registration,
} from '../_mock.js';

/** Calls a client's configuration endpoint (RFC 7592) with a registration access token. */
function manage(
  client: Registration,
  method: 'GET' | 'PUT' | 'DELETE',
  body?: unknown,
  token = client.registration_access_token,
): Promise<Response> {
  return fetch(client.registration_client_uri, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** Signs in a client that may refresh, returning its tokens. */
async function signedIn(client: Registration): Promise<{ access_token: string; refresh_token: string }> {
  const { code, verifier } = await codeFlow(client.client_id);
  return (await exchange(client.client_id, code, verifier)).json();
}

const refreshing = { grant_types: ['authorization_code', 'refresh_token'] };

describe('mock provider: client management (RFC 7592)', () => {
  it('reads a registration with its registration access token, and answers 401 invalid_token to any other', async () => {
    const client = await register(['/test/_callback.html']);
    const read = await manage(client, 'GET');
    expect(read.status).to.equal(200);
    expect(await read.json()).to.include({
      client_id: client.client_id,
      registration_client_uri: client.registration_client_uri,
      client_name: 'Test app',
    });
    const wrong = await manage(client, 'GET', undefined, 'not-the-token');
    expect(wrong.status).to.equal(401);
    expect(wrong.headers.get('www-authenticate')).to.include('error="invalid_token"');
    expect((await wrong.json()).error).to.equal('invalid_token');
    const other = await register(['/test/_callback.html']);
    expect((await manage(client, 'GET', undefined, other.registration_access_token)).status).to.equal(401);
    expect((await fetch(client.registration_client_uri)).status).to.equal(401);
  });

  it('replaces the metadata on PUT, keeping client_id, secret and registration access token', async () => {
    const client = await register(['/test/_callback.html'], {
      token_endpoint_auth_method: 'client_secret_basic',
      client_uri: 'https://app.example/',
    });
    const put = await manage(client, 'PUT', {
      client_id: client.client_id,
      client_secret: client.client_secret,
      client_name: 'Renamed',
      redirect_uris: [callback, `${callback}?two`],
    });
    expect(put.status).to.equal(200);
    const updated = await put.json();
    expect(updated).to.include({
      client_id: client.client_id,
      client_secret: client.client_secret,
      registration_access_token: client.registration_access_token,
      client_name: 'Renamed',
    });
    expect(updated.redirect_uris).to.deep.equal([callback, `${callback}?two`]);
    expect(updated, 'an omitted field is gone, not kept').not.to.have.property('client_uri');
    expect(updated.token_endpoint_auth_method, 'an omitted field takes its default').to.equal('client_secret_basic');
    expect((await (await manage(client, 'GET')).json()).client_name).to.equal('Renamed');
  });

  it('refuses a PUT with another client_id, a chosen secret, server-set fields or bad metadata', async () => {
    const client = await register(['/test/_callback.html']);
    const base = { client_id: client.client_id, redirect_uris: [callback], token_endpoint_auth_method: 'none' };
    const refusals = [
      { ...base, client_id: 'someone-else' },
      { ...base, client_secret: 'chosen' },
      { ...base, registration_access_token: client.registration_access_token },
      { ...base, client_id_issued_at: 1 },
      { ...base, redirect_uris: ['http://example.com/cb'] },
    ];
    for (const body of refusals) {
      const response = await manage(client, 'PUT', body);
      expect(response.status, JSON.stringify(body)).to.equal(400);
      expect((await response.json()).error).to.match(/^invalid_(client_metadata|redirect_uri)$/);
    }
    expect((await manage(client, 'PUT', base, 'wrong')).status).to.equal(401);
    expect((await (await manage(client, 'GET')).json()).client_id).to.equal(client.client_id);
  });

  it('deletes a client with 204; its configuration, access tokens, refresh tokens and codes are refused from then on', async () => {
    const client = await register(['/test/_callback.html'], refreshing);
    const tokens = await signedIn(client);
    const pending = await codeFlow(client.client_id);
    expect(await userinfoStatus(tokens.access_token)).to.equal(200);
    const deleted = await manage(client, 'DELETE');
    expect(deleted.status).to.equal(204);
    expect((await manage(client, 'GET')).status).to.equal(401);
    expect((await manage(client, 'DELETE')).status).to.equal(401);
    expect(await userinfoStatus(tokens.access_token)).to.equal(401);
    const confidential = await register(['/test/_callback.html'], { token_endpoint_auth_method: 'client_secret_post' });
    expect((await introspect(tokens.access_token, confidential)).active).to.equal(false);
    expect((await introspect(tokens.refresh_token, confidential)).active).to.equal(false);
    const refresh = await tokenRequest({
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token,
      client_id: client.client_id,
    });
    expect(refresh.status).to.be.oneOf([400, 401]);
    expect((await refresh.json()).error).to.be.oneOf(['invalid_client', 'invalid_grant']);
    const code = await exchange(client.client_id, pending.code, pending.verifier);
    expect(code.ok).to.equal(false);
  });

  it('serves client management for every mounted profile, not only oidc', async () => {
    const response = await fetch(`${location.origin}/mock/rservice/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ redirect_uris: [callback], token_endpoint_auth_method: 'none' }),
    });
    const client = (await response.json()) as Registration;
    expect(client.registration_client_uri).to.equal(`${location.origin}/mock/rservice/register/${client.client_id}`);
    expect((await manage(client, 'GET')).status).to.equal(200);
    expect((await manage(client, 'DELETE')).status).to.equal(204);
    expect((await manage(client, 'GET')).status).to.equal(401);
  });

  it('a PUT with "disabled": true refuses the client’s tokens, at userinfo, introspection and the token endpoint', async () => {
    const client = await register(['/test/_callback.html'], refreshing);
    const tokens = await signedIn(client);
    const metadata = {
      client_id: client.client_id,
      redirect_uris: [callback],
      token_endpoint_auth_method: 'none',
      ...refreshing,
    };
    const put = await manage(client, 'PUT', { ...metadata, disabled: true });
    expect((await put.json()).disabled).to.equal(true);
    expect(await userinfoStatus(tokens.access_token)).to.equal(401);
    const confidential = await register(['/test/_callback.html'], {
      token_endpoint_auth_method: 'client_secret_basic',
    });
    expect((await introspect(tokens.access_token, confidential, 'client_secret_basic')).active).to.equal(false);
    const refresh = await tokenRequest({
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token,
      client_id: client.client_id,
    });
    expect(refresh.ok).to.equal(false);
    expect((await manage(client, 'PUT', { ...metadata, disabled: 'yes' })).status).to.equal(400);
  });

  it('takes a chosen client_secret in process only (a backend’s configured one), never at /register', async () => {
    const provider = createMockProvider();
    const chosen = 'a-backend-configured-secret';
    expect(
      provider.registerClient(
        { redirect_uris: [callback], token_endpoint_auth_method: 'client_secret_post', client_secret: chosen },
        'gearcode',
      ).client_secret,
    ).to.equal(chosen);
    expect(() => provider.registerClient({ redirect_uris: [callback], client_secret: 'short' })).to.throw(
      'client_secret',
    );
    expect(() =>
      provider.registerClient({ redirect_uris: [callback], token_endpoint_auth_method: 'none', client_secret: chosen }),
    ).to.throw('client_secret');
    const response = await fetch(`${location.origin}/mock/oidc/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        redirect_uris: [callback],
        token_endpoint_auth_method: 'client_secret_post',
        client_secret: chosen,
      }),
    });
    expect(response.status).to.equal(400);
    expect((await response.json()).error).to.equal('invalid_client_metadata');
  });
});
