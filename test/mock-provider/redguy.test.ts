import { expect } from 'chai';
import { md5 } from '../../src/mock-provider/md5.js';
import { authorize, callback, mockOf, register, tokenBody, tokenRequest } from '../_mock.js';

const at = mockOf('redguy');
const confidential = { token_endpoint_auth_method: 'client_secret_post', scope: undefined };

const fragmentOf = (url: URL): URLSearchParams => new URLSearchParams(url.hash.slice(1));
const usersGet = (accessToken: string) =>
  fetch(`${at.issuer}/v1/users/get`, { headers: { authorization: `Bearer ${accessToken}` } });
const issue = (body: Record<string, unknown>) =>
  fetch(`${at.issuer}/v1/token/issue`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

async function codeFor(clientId: string, scope = '1 2'): Promise<URL> {
  return authorize(
    { response_type: 'code', client_id: clientId, redirect_uri: callback, scope, state: 'rs' },
    'approve',
    at,
  );
}

describe('mock provider: redguy profile', () => {
  let app: { client_id: string; client_secret?: string };
  let browserApp: string;
  /** The confidential app's code exchange, with its secret, for a code issued to it with `scope`. */
  const codeGrant = async (scope?: string): Promise<Record<string, string>> => ({
    grant_type: 'authorization_code',
    code: (await codeFor(app.client_id, scope)).searchParams.get('code') ?? '',
    client_id: app.client_id,
    client_secret: app.client_secret ?? '',
    redirect_uri: callback,
  });
  before(async () => {
    app = await register(['/test/_callback.html'], confidential, at);
    browserApp = (
      await register(
        ['/test/_callback.html'],
        { response_types: ['token'], grant_types: ['implicit'], scope: undefined },
        at,
      )
    ).client_id;
  });

  it('gives a confidential application a secret and the numeric scopes 1 and 2', async () => {
    expect(app.client_secret).to.be.a('string');
    expect((app as Record<string, unknown>)['scope']).to.equal('1 2');
  });

  it('implicit: returns the token in the fragment with token_type=bearer, expires_in and state', async () => {
    const url = await authorize(
      { response_type: 'token', client_id: browserApp, redirect_uri: callback, scope: '1 2', state: 'imp' },
      'approve',
      at,
    );
    expect(url.pathname).to.equal('/test/_callback.html');
    expect(url.search).to.equal('');
    const fragment = fragmentOf(url);
    expect(fragment.get('access_token')).to.be.a('string');
    expect(fragment.get('token_type')).to.equal('bearer');
    expect(Number(fragment.get('expires_in'))).to.be.greaterThan(0);
    expect(fragment.get('state')).to.equal('imp');
    expect(fragment.has('refresh_token')).to.equal(false);
    expect((await (await usersGet(fragment.get('access_token') ?? '')).json()).code).to.equal(0);
  });

  it('implicit: a denial comes back in the fragment with access_denied and state', async () => {
    const url = await authorize(
      { response_type: 'token', client_id: browserApp, redirect_uri: callback, scope: '1', state: 'no' },
      'deny',
      at,
    );
    expect(fragmentOf(url).get('error')).to.equal('access_denied');
    expect(fragmentOf(url).get('state')).to.equal('no');
  });

  it('refuses response_type=token to an application not registered for implicit', async () => {
    const url = await authorize(
      { response_type: 'token', client_id: app.client_id, redirect_uri: callback, scope: '1', state: 'x' },
      'approve',
      at,
    );
    expect(fragmentOf(url).get('error')).to.equal('unsupported_response_type');
  });

  it('code flow: redirects with code and state, and no iss', async () => {
    const url = await codeFor(app.client_id);
    expect(url.searchParams.get('code')).to.be.a('string');
    expect(url.searchParams.get('state')).to.equal('rs');
    expect(url.searchParams.has('iss')).to.equal(false);
  });

  it('exchanges a code at /v1/auth/oauth/code for {access_token, token_type: bearer, expires_in}, no-store', async () => {
    const body = await tokenBody(await tokenRequest(await codeGrant(), at));
    expect(body).to.include({ token_type: 'bearer', expires_in: 86_400 });
    expect(body.access_token).to.be.a('string');
  });

  it('refuses a code exchange without client_secret, with a wrong one, or as a public client', async () => {
    const code = (await codeFor(app.client_id)).searchParams.get('code') ?? '';
    const base = { grant_type: 'authorization_code', code, client_id: app.client_id, redirect_uri: callback };
    expect((await tokenRequest(base, at)).status).to.equal(401);
    const wrong = await tokenRequest({ ...base, client_secret: 'nope' }, at);
    expect(wrong.status).to.equal(401);
    expect((await wrong.json()).error).to.equal('invalid_client');
    const publicApp = (
      await register(['/test/_callback.html'], { token_endpoint_auth_method: 'none', scope: undefined }, at)
    ).client_id;
    expect((await tokenRequest({ ...base, client_id: publicApp }, at)).status).to.equal(401);
  });

  it('refuses a code exchange without grant_type=authorization_code or with another redirect_uri', async () => {
    const code = (await codeFor(app.client_id)).searchParams.get('code') ?? '';
    const base = { code, client_id: app.client_id, client_secret: app.client_secret ?? '' };
    // RFC 6749 §5.2: a missing grant_type is invalid_request.
    expect((await (await tokenRequest({ ...base, redirect_uri: callback }, at)).json()).error).to.equal(
      'invalid_request',
    );
    expect(
      (await (await tokenRequest({ ...base, grant_type: 'password', redirect_uri: callback }, at)).json()).error,
    ).to.equal('unsupported_grant_type');
    const other = await tokenRequest({ ...base, grant_type: 'authorization_code', redirect_uri: `${callback}?x` }, at);
    expect((await other.json()).error).to.equal('invalid_grant');
  });

  it('refuses a code used twice', async () => {
    const form = await codeGrant();
    expect((await tokenRequest(form, at)).status).to.equal(200);
    expect((await (await tokenRequest(form, at)).json()).error).to.equal('invalid_grant');
  });

  it('answers /v1/users/get in the {code, comment, response} envelope; only scope 2 releases the email', async () => {
    const tokenOf = async (scope: string): Promise<string> => {
      return (await (await tokenRequest(await codeGrant(scope), at)).json()).access_token;
    };
    const both = await (await usersGet(await tokenOf('1 2'))).json();
    expect(both).to.deep.equal({
      code: 0,
      comment: 'OK',
      response: { id: 'alice', name: 'Alice Liddell', email: 'alice@example.com' },
    });
    const identify = await (await usersGet(await tokenOf('1'))).json();
    expect(identify.response).to.deep.equal({ id: 'alice', name: 'Alice Liddell' });
  });

  it('refuses a bad token at /v1/users/get with a non-zero code and a comment', async () => {
    const response = await usersGet('not-a-token');
    expect(response.status).to.equal(401);
    const body = await response.json();
    expect(body.code).to.be.a('number').and.not.equal(0);
    expect(body.comment).to.be.a('string');
  });

  it('refuses scopes other than 1 and 2', async () => {
    const url = await authorize(
      { response_type: 'code', client_id: app.client_id, redirect_uri: callback, scope: '3', state: 's' },
      'approve',
      at,
    );
    expect(url.searchParams.get('error')).to.equal('invalid_scope');
  });

  it('shows the numeric scopes by name on the consent page', async () => {
    const page = await (
      await fetch(
        `${at.issuer}/oauth/authorize?${new URLSearchParams({ response_type: 'code', client_id: app.client_id, redirect_uri: callback, scope: '1 2' })}`,
      )
    ).text();
    expect(page).to.include('Identify user').and.include('Email address');
  });

  it('never redirects to an unregistered redirect URI or for an unknown application', async () => {
    const foreign = await fetch(
      `${at.issuer}/oauth/authorize?response_type=code&client_id=${app.client_id}&redirect_uri=${encodeURIComponent('https://evil.example/cb')}`,
    );
    expect(foreign.status).to.equal(400);
    expect(foreign.url).to.include('/mock/redguy/oauth/authorize');
    const unknown = await fetch(
      `${at.issuer}/oauth/authorize?response_type=token&client_id=nobody&redirect_uri=${encodeURIComponent(callback)}`,
    );
    expect(unknown.status).to.equal(400);
  });

  it('application token: issues {code: 0, comment: OK, response: {id, token}} for md5(secret + ts)', async () => {
    const ts = Math.floor(Date.now() / 1000);
    const response = await issue({
      app: app.client_id,
      secret: md5(`${app.client_secret}${ts}`),
      ts,
      scope: '1',
      name: 'cron',
    });
    expect(response.status).to.equal(200);
    const body = await response.json();
    expect(body.code).to.equal(0);
    expect(body.comment).to.equal('OK');
    expect(body.response.id).to.be.a('string');
    expect(body.response.token).to.be.a('string');
  });

  it('application token: takes a ts four minutes old, refuses one six minutes off either way', async () => {
    const sign = (ts: number) =>
      issue({ app: app.client_id, secret: md5(`${app.client_secret}${ts}`), ts, scope: '1', name: 'cron' });
    const now = Math.floor(Date.now() / 1000);
    expect((await (await sign(now - 240)).json()).code).to.equal(0);
    for (const ts of [now - 360, now + 360]) {
      const body = await (await sign(ts)).json();
      expect(body.code).to.not.equal(0);
      expect(body.comment).to.match(/ts/);
      expect(body.response).to.equal(null);
    }
  });

  it('application token: refuses a wrong md5 and an unknown app with non-zero codes', async () => {
    const ts = Math.floor(Date.now() / 1000);
    const badSecret = await (
      await issue({ app: app.client_id, secret: md5(`wrong${ts}`), ts, scope: '1', name: 'cron' })
    ).json();
    expect(badSecret.code).to.not.equal(0);
    expect(badSecret.comment).to.match(/md5/);
    const unknown = await (await issue({ app: 'nobody', secret: md5(`x${ts}`), ts, scope: '1', name: 'cron' })).json();
    expect(unknown.code).to.not.equal(0);
    expect(unknown.comment).to.match(/unknown/);
    const missing = await (await issue({ app: app.client_id, ts })).json();
    expect(missing.code).to.not.equal(0);
  });
});
