import { expect } from 'chai';
import { challengeOf, createVerifier } from '../../src/core/sign-in/pkce.js';
import { authorize, callback, codeFlow, exchange, issuer, registerClient, tokenRequest } from '../_mock.js';

describe('mock provider: oidc profile', () => {
  let clientId: string;
  before(async () => {
    clientId = await registerClient(['/test/_callback.html']);
  });

  it('publishes discovery with its own issuer, S256 only and RFC 9207 iss support', async () => {
    const metadata = await (await fetch(`${issuer}/.well-known/openid-configuration`)).json();
    expect(metadata.issuer).to.equal(issuer);
    expect(metadata.code_challenge_methods_supported).to.deep.equal(['S256']);
    expect(metadata.authorization_response_iss_parameter_supported).to.equal(true);
  });

  it('publishes its signing key as a JWKS', async () => {
    const { keys } = await (await fetch(`${issuer}/jwks`)).json();
    expect(keys[0]).to.include({ kty: 'EC', alg: 'ES256', use: 'sig' });
    expect(keys[0]).not.to.have.property('d');
  });

  it('issues a code with state and iss, then tokens with no-store', async () => {
    const { code, verifier, url } = await codeFlow(clientId);
    expect(url.searchParams.get('state')).to.equal('st');
    expect(url.searchParams.get('iss')).to.equal(issuer);
    const response = await exchange(clientId, code, verifier);
    expect(response.status).to.equal(200);
    expect(response.headers.get('cache-control')).to.equal('no-store');
    const body = await response.json();
    expect(body).to.include({ token_type: 'Bearer', expires_in: 3600 });
    expect(body.id_token).to.be.a('string');
  });

  it('refuses a reused code and revokes what its first use issued', async () => {
    const { code, verifier } = await codeFlow(clientId);
    const first = await (await exchange(clientId, code, verifier)).json();
    const again = await exchange(clientId, code, verifier);
    expect(again.status).to.equal(400);
    expect((await again.json()).error).to.equal('invalid_grant');
    const userinfo = await fetch(`${issuer}/userinfo`, { headers: { authorization: `Bearer ${first.access_token}` } });
    expect(userinfo.status).to.equal(401);
  });

  it('refuses a wrong code_verifier', async () => {
    const { code } = await codeFlow(clientId);
    const response = await exchange(clientId, code, createVerifier());
    expect((await response.json()).error).to.equal('invalid_grant');
  });

  it('refuses a redirect_uri other than the authorization request’s at the token endpoint', async () => {
    const { code, verifier } = await codeFlow(clientId);
    const response = await tokenRequest({
      grant_type: 'authorization_code',
      client_id: clientId,
      code,
      code_verifier: verifier,
      redirect_uri: `${callback}/other`,
    });
    expect((await response.json()).error).to.equal('invalid_grant');
  });

  it('never redirects to an unregistered redirect URI or for an unknown client', async () => {
    const foreign = await fetch(
      `${issuer}/authorize?response_type=code&client_id=${clientId}&redirect_uri=${encodeURIComponent('https://evil.example/cb')}`,
    );
    expect(foreign.status).to.equal(400);
    expect(foreign.url).to.include('/mock/oidc/authorize');
    const unknown = await fetch(
      `${issuer}/authorize?response_type=code&client_id=nobody&redirect_uri=${encodeURIComponent(callback)}`,
    );
    expect(unknown.status).to.equal(400);
  });

  it('requires PKCE S256 from a public client and refuses plain, with iss on the error', async () => {
    const missing = await authorize({ response_type: 'code', client_id: clientId, redirect_uri: callback, state: 's' });
    expect(missing.searchParams.get('error')).to.equal('invalid_request');
    expect(missing.searchParams.get('iss')).to.equal(issuer);
    expect(missing.searchParams.get('state')).to.equal('s');
    const verifier = createVerifier();
    const plain = await authorize({
      response_type: 'code',
      client_id: clientId,
      redirect_uri: callback,
      code_challenge: verifier,
      code_challenge_method: 'plain',
    });
    expect(plain.searchParams.get('error')).to.equal('invalid_request');
  });

  it('refuses repeated parameters at the authorization and token endpoints', async () => {
    const url = `${issuer}/authorize?response_type=code&client_id=${clientId}&client_id=${clientId}&redirect_uri=${encodeURIComponent(callback)}`;
    expect((await fetch(url)).status).to.equal(400);
    const response = await fetch(`${issuer}/token`, {
      method: 'POST',
      body: 'grant_type=authorization_code&code=a&code=b',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect((await response.json()).error).to.equal('invalid_request');
  });

  it('answers a denial with access_denied, state and iss', async () => {
    const url = await authorize(
      {
        response_type: 'code',
        client_id: clientId,
        redirect_uri: callback,
        state: 'd',
        code_challenge: await challengeOf(createVerifier()),
        code_challenge_method: 'S256',
      },
      'deny',
    );
    expect(url.searchParams.get('error')).to.equal('access_denied');
    expect(url.searchParams.get('state')).to.equal('d');
    expect(url.searchParams.get('iss')).to.equal(issuer);
  });

  it('rotates refresh tokens, and a reused one revokes the whole sign-in', async () => {
    const refreshing = await registerClient(['/test/_callback.html'], {
      grant_types: ['authorization_code', 'refresh_token'],
    });
    const { code, verifier } = await codeFlow(refreshing);
    const first = await (await exchange(refreshing, code, verifier)).json();
    expect(first.refresh_token).to.be.a('string');
    const rotated = await (
      await tokenRequest({ grant_type: 'refresh_token', refresh_token: first.refresh_token, client_id: refreshing })
    ).json();
    expect(rotated.refresh_token).to.be.a('string').and.not.equal(first.refresh_token);
    expect(rotated.id_token).to.be.a('string');
    const reuse = await tokenRequest({
      grant_type: 'refresh_token',
      refresh_token: first.refresh_token,
      client_id: refreshing,
    });
    expect((await reuse.json()).error).to.equal('invalid_grant');
    const afterReuse = await tokenRequest({
      grant_type: 'refresh_token',
      refresh_token: rotated.refresh_token,
      client_id: refreshing,
    });
    expect((await afterReuse.json()).error).to.equal('invalid_grant');
    const userinfo = await fetch(`${issuer}/userinfo`, {
      headers: { authorization: `Bearer ${rotated.access_token}` },
    });
    expect(userinfo.status).to.equal(401);
  });

  it('issues no refresh token to a client not registered for the grant, and refuses the grant', async () => {
    const { code, verifier } = await codeFlow(clientId);
    const body = await (await exchange(clientId, code, verifier)).json();
    expect(body).not.to.have.property('refresh_token');
    const response = await tokenRequest({ grant_type: 'refresh_token', refresh_token: 'x', client_id: clientId });
    expect((await response.json()).error).to.equal('unsupported_grant_type');
  });

  it('honours a client’s access_token_lifetime', async () => {
    const short = await registerClient(['/test/_callback.html'], { access_token_lifetime: 5 });
    const { code, verifier } = await codeFlow(short);
    expect((await (await exchange(short, code, verifier)).json()).expires_in).to.equal(5);
  });

  it('registers clients with RFC 7591 validation', async () => {
    const register = (body: unknown) =>
      fetch(`${issuer}/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const confidential = await register({ redirect_uris: [callback] });
    expect(confidential.status).to.equal(201);
    const created = await confidential.json();
    expect(created.client_secret).to.be.a('string');
    expect(created.token_endpoint_auth_method).to.equal('client_secret_basic');
    expect((await (await register({ redirect_uris: ['http://example.com/cb'] })).json()).error).to.equal(
      'invalid_redirect_uri',
    );
    expect((await (await register({ redirect_uris: [`${callback}#frag`] })).json()).error).to.equal(
      'invalid_redirect_uri',
    );
    expect((await (await register({ redirect_uris: [callback], grant_types: ['password'] })).json()).error).to.equal(
      'invalid_client_metadata',
    );
  });

  it('refuses client metadata URLs that are not https (or http on loopback): no javascript: homepage (RFC 7591 §3.2.2)', async () => {
    const register = (body: unknown) =>
      fetch(`${issuer}/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    for (const field of ['client_uri', 'logo_uri', 'policy_uri', 'tos_uri']) {
      for (const uri of [
        'javascript:alert(document.domain)',
        'JavaScript://x.example/%0aalert(1)',
        'data:text/html,<script>alert(1)</script>',
        'http://example.com/',
        'ftp://example.com/',
      ]) {
        const refused = await register({ redirect_uris: [callback], token_endpoint_auth_method: 'none', [field]: uri });
        expect(refused.status, `${field} ${uri}`).to.equal(400);
        expect((await refused.json()).error).to.equal('invalid_client_metadata');
      }
      const taken = await register({
        redirect_uris: [callback],
        token_endpoint_auth_method: 'none',
        [field]: 'https://app.example/about',
      });
      expect(taken.status).to.equal(201);
      expect((await taken.json())[field]).to.equal('https://app.example/about');
    }
    expect(
      (
        await register({
          redirect_uris: [callback],
          token_endpoint_auth_method: 'none',
          client_uri: `${location.origin}/`,
        })
      ).status,
    ).to.equal(201);
  });
});
