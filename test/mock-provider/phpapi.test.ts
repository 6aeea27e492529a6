import { expect } from 'chai';
import { createMockProvider } from '../../src/mock-provider/provider.js';
import {
  authorize,
  callback,
  control,
  mockOf,
  register,
  tokenBody,
  tokenRequest,
  type Registration,
} from '../_mock.js';

const at = mockOf('phpapi');

const codeOf = async (client: Registration, params: Record<string, string> = {}): Promise<URL> =>
  authorize({ client_id: client.client_id, redirect_uri: callback, response_type: 'code', ...params }, 'approve', at);
const userinfo = (accessToken: string) =>
  fetch(`${at.issuer}/api/userinfo.php`, { headers: { authorization: `Bearer ${accessToken}` } });

describe('mock provider: phpapi profile', () => {
  let client: Registration;
  let exchange: (code: string, extra?: Record<string, string>) => Promise<Response>;
  beforeEach(async () => {
    client = await register(
      ['/test/_callback.html'],
      { token_endpoint_auth_method: 'client_secret_post', scope: undefined },
      at,
    );
    exchange = (code, extra = {}) =>
      tokenRequest({ code, client_id: client.client_id, client_secret: client.client_secret ?? '', ...extra }, at);
  });

  it('issues a code at /api/authorize.php for client_id, redirect_uri and response_type=code, never echoing state', async () => {
    const url = await codeOf(client, { state: 'ignored' });
    expect(url.href.startsWith(callback)).to.equal(true);
    expect(url.searchParams.get('code')).to.be.a('string');
    expect(url.searchParams.has('state')).to.equal(false);
    expect(url.searchParams.has('iss')).to.equal(false);
  });

  it('takes no PKCE: a code_challenge is ignored and the exchange needs no code_verifier', async () => {
    const url = await codeOf(client, { code_challenge: 'x'.repeat(43), code_challenge_method: 'S256' });
    expect((await exchange(url.searchParams.get('code') ?? '')).status).to.equal(200);
  });

  it('exchanges a code at /api/token.php with code, client_id and client_secret only, no grant_type, no-store', async () => {
    const body = await tokenBody(await exchange((await codeOf(client)).searchParams.get('code') ?? ''));
    expect(body).to.include({ token_type: 'Bearer', expires_in: 3600 });
    expect(body).not.to.have.property('refresh_token');
  });

  it('answers /api/userinfo.php with {username, email, full_name} for a Bearer token', async () => {
    const { access_token: accessToken } = await (
      await exchange((await codeOf(client)).searchParams.get('code') ?? '')
    ).json();
    const response = await userinfo(accessToken);
    expect(response.status).to.equal(200);
    expect(await response.json()).to.deep.equal({
      username: 'alice',
      email: 'alice@example.com',
      full_name: 'Alice Liddell',
    });
  });

  it('answers invalid_request 400 to a missing code or a missing Authorization header', async () => {
    for (const response of [
      await tokenRequest({ client_id: client.client_id, client_secret: client.client_secret ?? '' }, at),
      await fetch(`${at.issuer}/api/userinfo.php`),
    ]) {
      expect(response.status).to.equal(400);
      expect(Object.keys(await response.json())).to.have.members(['error', 'error_description']);
    }
    const body = await (
      await tokenRequest({ client_id: client.client_id, client_secret: client.client_secret ?? '' }, at)
    ).json();
    expect(body.error).to.equal('invalid_request');
  });

  it('answers invalid_client 401 to a wrong or missing client_secret', async () => {
    const code = (await codeOf(client)).searchParams.get('code') ?? '';
    for (const response of [
      await exchange(code, { client_secret: 'wrong' }),
      await tokenRequest({ code, client_id: client.client_id }, at),
    ]) {
      expect(response.status).to.equal(401);
      expect(await response.json()).to.have.property('error', 'invalid_client');
    }
  });

  it('answers invalid_code 400 to an unknown, reused or other client’s code', async () => {
    const unknown = await exchange('no-such-code');
    expect(unknown.status).to.equal(400);
    expect((await unknown.json()).error).to.equal('invalid_code');
    const code = (await codeOf(client)).searchParams.get('code') ?? '';
    expect((await exchange(code)).status).to.equal(200);
    expect((await (await exchange(code)).json()).error).to.equal('invalid_code');
    const other = await register(
      ['/test/_callback.html'],
      { token_endpoint_auth_method: 'client_secret_post', scope: undefined },
      at,
    );
    const theirs = (await codeOf(other)).searchParams.get('code') ?? '';
    expect((await (await exchange(theirs)).json()).error).to.equal('invalid_code');
  });

  it('answers invalid_token 401 to a forged token', async () => {
    const response = await userinfo('forged');
    expect(response.status).to.equal(401);
    expect(await response.json()).to.have.property('error', 'invalid_token');
  });

  it('refuses a redirect_uri other than the registered one with a page, never a redirect', async () => {
    const foreign = await fetch(
      `${at.issuer}/api/authorize.php?${new URLSearchParams({ client_id: client.client_id, redirect_uri: `${callback}?other`, response_type: 'code' })}`,
    );
    expect(foreign.status).to.equal(400);
    expect(foreign.url).to.include('/mock/phpapi/api/authorize.php');
  });

  it('rate limits a client: the 61st request in a minute gets 429 with X-RateLimit-* and Retry-After', async () => {
    let last = await exchange('no-such-code');
    // The windows are fixed minutes: all 61 requests must fall in one, so one about to end is waited out.
    const left = Number(last.headers.get('x-ratelimit-reset')) * 1000 - Date.now();
    if (left < 5000) {
      await new Promise((resolve) => setTimeout(resolve, left + 500));
      last = await exchange('no-such-code');
    }
    expect(last.headers.get('x-ratelimit-remaining')).to.equal('59');
    for (let i = 1; i < 61; i++) last = await exchange('no-such-code');
    expect(last.status).to.equal(429);
    expect(last.headers.get('x-ratelimit-limit')).to.equal('60');
    expect(last.headers.get('x-ratelimit-remaining')).to.equal('0');
    expect(Number(last.headers.get('x-ratelimit-reset'))).to.be.greaterThan(Date.now() / 1000 - 1);
    expect(Number(last.headers.get('retry-after'))).to.be.within(1, 60);
  });

  it('rate limits a token at /api/userinfo.php as its own key', async () => {
    const { access_token: accessToken } = await (
      await exchange((await codeOf(client)).searchParams.get('code') ?? '')
    ).json();
    const first = await userinfo(accessToken);
    expect(first.headers.get('x-ratelimit-remaining')).to.equal('59');
  });

  it('takes its limit from MockProviderOptions and opens a new window when the old one ends', async () => {
    let clock = Date.parse('2026-01-01T00:00:00Z');
    const provider = createMockProvider({ now: () => clock, rateLimit: { limit: 2, window: 10 } });
    const local = provider.registerClient({ redirect_uris: [callback], scope: '' }, 'phpapi');
    const call = () =>
      provider(
        new Request(`${location.origin}/mock/phpapi/api/token.php`, {
          method: 'POST',
          body: new URLSearchParams({
            code: 'x',
            client_id: local.client_id,
            client_secret: local.client_secret ?? '',
          }),
        }),
      );
    expect((await call()).status).to.equal(400);
    expect((await call()).status).to.equal(400);
    const limited = await call();
    expect(limited.status).to.equal(429);
    expect(limited.headers.get('x-ratelimit-limit')).to.equal('2');
    expect(limited.headers.get('retry-after')).to.equal('10');
    clock += 10_000;
    expect((await call()).status).to.equal(400);
  });

  it('answers a scripted one-shot rate_limited scenario with 429 and the limit headers, then serves again', async () => {
    await control({
      command: 'scenario',
      scenario: { next: 'token', fault: 'rate_limited', retryAfter: 7, clientId: client.client_id, profile: 'phpapi' },
    });
    const code = (await codeOf(client)).searchParams.get('code') ?? '';
    const limited = await exchange(code);
    expect(limited.status).to.equal(429);
    expect(limited.headers.get('retry-after')).to.equal('7');
    expect(limited.headers.get('x-ratelimit-remaining')).to.equal('0');
    expect(limited.headers.get('x-ratelimit-reset')).to.be.a('string');
    expect((await exchange(code)).status).to.equal(200);
  });
});
