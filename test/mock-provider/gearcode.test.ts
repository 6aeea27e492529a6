import { expect } from 'chai';
import { authorize, callback, mockOf, register, tokenBody, tokenRequest, type Registration } from '../_mock.js';

const at = mockOf('gearcode');

async function codeOf(client: Registration, params: Record<string, string> = {}): Promise<URL> {
  return authorize(
    { redirect_uri: callback, client_id: client.client_id, response_type: 'code', ...params },
    'approve',
    at,
  );
}

describe('mock provider: gearcode profile', () => {
  let client: Registration;
  let exchange: (code: string, extra?: Record<string, string>) => Promise<Response>;
  let refresh: (refreshToken: string, extra?: Record<string, string>) => Promise<Response>;
  before(async () => {
    client = await register(
      ['/test/_callback.html'],
      { token_endpoint_auth_method: 'client_secret_post', scope: undefined },
      at,
    );
    const secrets = {
      client_id: client.client_id,
      client_secret: client.client_secret ?? '',
      resource_id: client.client_id,
    };
    exchange = (code, extra = {}) => tokenRequest({ code, grant_type: 'authorization_code', ...secrets, ...extra }, at);
    refresh = (refreshToken, extra = {}) =>
      tokenRequest({ grant_type: 'refresh_token', refresh_token: refreshToken, ...secrets, ...extra }, at);
  });

  it('issues a code for redirect_uri, client_id and response_type=code, with no state needed', async () => {
    const url = await codeOf(client);
    expect(url.href.startsWith(callback)).to.equal(true);
    expect(url.searchParams.get('code')).to.be.a('string');
    expect(url.searchParams.has('state')).to.equal(false);
  });

  it('echoes state when one is sent', async () => {
    expect((await codeOf(client, { state: 'gs' })).searchParams.get('state')).to.equal('gs');
  });

  it('exchanges a code with resource_id and client_secret for bearer tokens of 899 s and a refresh token, no-store', async () => {
    const body = await tokenBody(await exchange((await codeOf(client)).searchParams.get('code') ?? ''));
    expect(body).to.include({ token_type: 'bearer', expires_in: 899 });
    expect(body.access_token).to.be.a('string');
    expect(body.refresh_token).to.be.a('string');
  });

  it('refuses a missing resource_id, or one other than client_id, with invalid_request', async () => {
    const code = (await codeOf(client)).searchParams.get('code') ?? '';
    const missing = await tokenRequest(
      {
        code,
        grant_type: 'authorization_code',
        client_id: client.client_id,
        client_secret: client.client_secret ?? '',
      },
      at,
    );
    expect(missing.status).to.equal(400);
    expect((await missing.json()).error).to.equal('invalid_request');
    expect((await (await exchange(code, { resource_id: 'someone-else' })).json()).error).to.equal('invalid_request');
    expect((await exchange(code)).status).to.equal(200);
  });

  it('refuses a missing or wrong client_secret with invalid_client', async () => {
    const code = (await codeOf(client)).searchParams.get('code') ?? '';
    const missing = await tokenRequest(
      { code, grant_type: 'authorization_code', client_id: client.client_id, resource_id: client.client_id },
      at,
    );
    expect(missing.status).to.equal(401);
    const wrong = await exchange(code, { client_secret: 'wrong' });
    expect(wrong.status).to.equal(401);
    expect((await wrong.json()).error).to.equal('invalid_client');
  });

  it('refuses a code used twice, and one sent with another redirect_uri', async () => {
    const code = (await codeOf(client)).searchParams.get('code') ?? '';
    expect((await exchange(code)).status).to.equal(200);
    expect((await (await exchange(code)).json()).error).to.equal('invalid_grant');
    const other = (await codeOf(client)).searchParams.get('code') ?? '';
    expect((await (await exchange(other, { redirect_uri: `${callback}?x` })).json()).error).to.equal('invalid_grant');
  });

  it('rotates refresh tokens with resource_id, 899 s each time', async () => {
    const first = await (await exchange((await codeOf(client)).searchParams.get('code') ?? '')).json();
    const rotated = await (await refresh(first.refresh_token)).json();
    expect(rotated).to.include({ token_type: 'bearer', expires_in: 899 });
    expect(rotated.refresh_token).to.be.a('string').and.not.equal(first.refresh_token);
    expect((await (await refresh(rotated.refresh_token, { resource_id: 'other' })).json()).error).to.equal(
      'invalid_request',
    );
  });

  it('revokes the whole sign-in when a refresh token is used twice', async () => {
    const first = await (await exchange((await codeOf(client)).searchParams.get('code') ?? '')).json();
    const rotated = await (await refresh(first.refresh_token)).json();
    expect((await (await refresh(first.refresh_token)).json()).error).to.equal('invalid_grant');
    expect((await (await refresh(rotated.refresh_token)).json()).error).to.equal('invalid_grant');
  });

  it('refuses response_type=token, and never redirects to an unregistered redirect URI or for an unknown client', async () => {
    const implicit = await codeOf(client, { response_type: 'token', state: 's' });
    expect(new URLSearchParams(implicit.hash.slice(1)).get('error')).to.equal('unsupported_response_type');
    const foreign = await fetch(
      `${at.issuer}/oauth/authorize?${new URLSearchParams({ redirect_uri: 'https://evil.example/cb', client_id: client.client_id, response_type: 'code' })}`,
    );
    expect(foreign.status).to.equal(400);
    const unknown = await fetch(
      `${at.issuer}/oauth/authorize?${new URLSearchParams({ redirect_uri: callback, client_id: 'nobody', response_type: 'code' })}`,
    );
    expect(unknown.status).to.equal(400);
  });
});
