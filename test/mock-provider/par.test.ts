import { expect } from 'chai';
import { createVerifier } from '../../src/core/sign-in/pkce.js';
import { createMockProvider } from '../../src/mock-provider/provider.js';
import { authorize, callback, codeRequest, exchange, issuer, registerClient } from '../_mock.js';

const push = (params: Record<string, string>) =>
  fetch(`${issuer}/par`, { method: 'POST', body: new URLSearchParams(params) });

const request = (clientId: string, verifier: string, extra: Record<string, string> = {}) =>
  codeRequest(clientId, verifier, { state: 'pushed-state', nonce: 'n', ...extra });

describe('mock provider: pushed authorization requests (RFC 9126)', () => {
  let clientId: string;
  before(async () => {
    clientId = await registerClient(['/test/_callback.html']);
  });

  it('advertises the endpoint, takes a pushed request once, and signs in with it', async () => {
    const metadata = await (await fetch(`${issuer}/.well-known/openid-configuration`)).json();
    expect(metadata.pushed_authorization_request_endpoint).to.equal(`${issuer}/par`);
    const verifier = createVerifier();
    const pushed = await push(await request(clientId, verifier));
    expect(pushed.status).to.equal(201);
    expect(pushed.headers.get('cache-control')).to.equal('no-store');
    const { request_uri, expires_in } = await pushed.json();
    expect(request_uri).to.match(/^urn:ietf:params:oauth:request_uri:/);
    expect(expires_in).to.equal(60);
    const back = await authorize({ client_id: clientId, request_uri });
    expect(back.searchParams.get('state')).to.equal('pushed-state');
    expect(back.searchParams.get('iss')).to.equal(issuer);
    expect((await exchange(clientId, back.searchParams.get('code') ?? '', verifier)).status).to.equal(200);
    const again = await fetch(`${issuer}/authorize?${new URLSearchParams({ client_id: clientId, request_uri })}`, {
      redirect: 'manual',
    });
    expect(again.status, 'a request_uri is single-use, and never redirects').to.equal(400);
  });

  it('refuses a request_uri named by another client', async () => {
    const other = await registerClient(['/test/_callback.html']);
    const { request_uri } = await (await push(await request(clientId, createVerifier()))).json();
    const response = await fetch(`${issuer}/authorize?${new URLSearchParams({ client_id: other, request_uri })}`, {
      redirect: 'manual',
    });
    expect(response.status).to.equal(400);
    expect(await response.text()).to.include('invalid_request_uri');
  });

  it('checks a pushed request as the authorization endpoint would, and refuses a pushed request_uri', async () => {
    const verifier = createVerifier();
    const cases: [Record<string, string>, string][] = [
      [{ redirect_uri: 'https://evil.example/cb' }, 'invalid_request'],
      [{ code_challenge_method: 'plain' }, 'invalid_request'],
      [{ scope: 'openid admin' }, 'invalid_scope'],
      [{ request_uri: 'urn:ietf:params:oauth:request_uri:x' }, 'invalid_request'],
    ];
    for (const [extra, error] of cases) {
      const response = await push(await request(clientId, verifier, extra));
      expect(response.status, JSON.stringify(extra)).to.equal(400);
      expect((await response.json()).error).to.equal(error);
    }
    const unknown = await push(await request('nobody', verifier));
    expect(unknown.status).to.equal(401);
  });

  it('makes a client registered with require_pushed_authorization_requests push every request', async () => {
    const strict = await registerClient(['/test/_callback.html'], { require_pushed_authorization_requests: true });
    const verifier = createVerifier();
    const direct = await fetch(`${issuer}/authorize?${new URLSearchParams(await request(strict, verifier))}`, {
      redirect: 'manual',
    });
    expect(direct.status).to.equal(400);
    const { request_uri } = await (await push(await request(strict, verifier))).json();
    expect((await authorize({ client_id: strict, request_uri })).searchParams.get('code')).to.be.a('string');
  });

  it('lets a pushed request expire after 60 seconds', async () => {
    let clock = Date.parse('2026-01-01T00:00:00Z');
    const provider = createMockProvider({ now: () => clock });
    const local = provider.registerClient({ redirect_uris: [callback], token_endpoint_auth_method: 'none' });
    const call = (path: string, init?: RequestInit) =>
      provider(new Request(`${location.origin}/mock/oidc${path}`, init));
    const pushed = await call('/par', {
      method: 'POST',
      body: new URLSearchParams(await request(local.client_id, createVerifier())),
    });
    const { request_uri } = await pushed.json();
    clock += 61_000;
    const late = await call(`/authorize?${new URLSearchParams({ client_id: local.client_id, request_uri })}`);
    expect(late.status).to.equal(400);
  });
});
