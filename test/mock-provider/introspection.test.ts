import { expect } from 'chai';
import { codeFlow, exchange, introspect, issuer, register, tokenRequest } from '../_mock.js';

/** A signed-in public client that may refresh, with its tokens. */
async function signedInClient(): Promise<{ client_id: string; access_token: string; refresh_token: string }> {
  const client = await register(['/test/_callback.html'], { grant_types: ['authorization_code', 'refresh_token'] });
  const { code, verifier } = await codeFlow(client.client_id);
  return { client_id: client.client_id, ...(await (await exchange(client.client_id, code, verifier)).json()) };
}

describe('mock provider: token introspection (RFC 7662)', () => {
  it('advertises introspection_endpoint in discovery', async () => {
    const metadata = await (await fetch(`${issuer}/.well-known/openid-configuration`)).json();
    expect(metadata.introspection_endpoint).to.equal(`${issuer}/introspect`);
  });

  it('tells a public client of its own live access token: active, scope, client_id, sub, exp, iat, token_type', async () => {
    const signedIn = await signedInClient();
    const answer = await introspect(signedIn.access_token, { client_id: signedIn.client_id });
    expect(answer).to.include({
      active: true,
      scope: 'openid profile',
      client_id: signedIn.client_id,
      sub: 'alice',
      token_type: 'Bearer',
    });
    expect(answer['exp']).to.be.a('number');
    expect(answer['iat']).to.be.a('number');
    expect(Number(answer['exp']) - Number(answer['iat'])).to.equal(3600);
    expect((await introspect(signedIn.refresh_token, { client_id: signedIn.client_id })).active).to.equal(true);
  });

  it('tells a confidential client of any token, by client_secret_basic or client_secret_post; a public client sees another’s as inactive', async () => {
    const signedIn = await signedInClient();
    const server = await register(['/test/_callback.html'], { token_endpoint_auth_method: 'client_secret_basic' });
    expect((await introspect(signedIn.access_token, server, 'client_secret_basic')).active).to.equal(true);
    expect((await introspect(signedIn.access_token, server, 'client_secret_post')).active).to.equal(true);
    const stranger = await register(['/test/_callback.html']);
    expect(await introspect(signedIn.access_token, stranger)).to.deep.equal({ active: false });
  });

  it('refuses a caller without valid client authentication with 401 invalid_client', async () => {
    const signedIn = await signedInClient();
    const server = await register(['/test/_callback.html'], { token_endpoint_auth_method: 'client_secret_post' });
    const wrong = await fetch(`${issuer}/introspect`, {
      method: 'POST',
      body: new URLSearchParams({ token: signedIn.access_token, client_id: server.client_id, client_secret: 'wrong' }),
    });
    expect(wrong.status).to.equal(401);
    expect((await wrong.json()).error).to.equal('invalid_client');
    const anonymous = await fetch(`${issuer}/introspect`, {
      method: 'POST',
      body: new URLSearchParams({ token: signedIn.access_token }),
    });
    expect(anonymous.status).to.equal(401);
  });

  it('answers {"active": false} for unknown, revoked, rotated and expired tokens', async () => {
    const signedIn = await signedInClient();
    const me = { client_id: signedIn.client_id };
    expect(await introspect('not-a-token', me)).to.deep.equal({ active: false });
    const rotated = await (
      await tokenRequest({
        grant_type: 'refresh_token',
        refresh_token: signedIn.refresh_token,
        client_id: signedIn.client_id,
      })
    ).json();
    expect((await introspect(signedIn.refresh_token, me)).active, 'a used refresh token').to.equal(false);
    await fetch(`${issuer}/revoke`, {
      method: 'POST',
      body: new URLSearchParams({ token: rotated.access_token, client_id: signedIn.client_id }),
    });
    expect((await introspect(rotated.access_token, me)).active, 'a revoked access token').to.equal(false);
  });

  it('answers {"active": false} for an expired access token', async () => {
    // Its life ends at `exp`, a whole second: between one and two seconds after it is issued.
    const shortLived = await register(['/test/_callback.html'], { access_token_lifetime: 2 });
    const { code, verifier } = await codeFlow(shortLived.client_id);
    const { access_token } = await (await exchange(shortLived.client_id, code, verifier)).json();
    const live = await introspect(access_token, shortLived);
    expect(live.active).to.equal(true);
    await new Promise((resolve) => setTimeout(resolve, Number(live['exp']) * 1000 - Date.now() + 20));
    expect((await introspect(access_token, shortLived)).active).to.equal(false);
  });
});
