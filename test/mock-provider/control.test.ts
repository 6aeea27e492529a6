import { expect } from 'chai';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { challengeOf, createVerifier } from '../../src/core/sign-in/pkce.js';
import { createMockProvider } from '../../src/mock-provider/provider.js';
import { authorize, codeRequest, control, issuer, registerClient, requestsOf, tokenRequest } from '../_mock.js';

const callback = `${location.origin}/test/_callback.html`;

async function signIn(clientId: string): Promise<Response> {
  const verifier = createVerifier();
  const url = await authorize({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: callback,
    scope: 'openid profile',
    state: 's',
    nonce: 'n',
    code_challenge: await challengeOf(verifier),
    code_challenge_method: 'S256',
  });
  return tokenRequest({
    grant_type: 'authorization_code',
    client_id: clientId,
    code: url.searchParams.get('code') ?? '',
    code_verifier: verifier,
    redirect_uri: callback,
  });
}

describe('mock provider: scripting over /mock/__control', () => {
  let clientId: string;
  beforeEach(async () => {
    clientId = await registerClient(['/test/_callback.html']);
  });

  it('answers the next token request of a client with 429, Retry-After and limit headers, once', async () => {
    await control({ command: 'scenario', scenario: { next: 'token', fault: 'rate_limited', retryAfter: 3, clientId } });
    const limited = await signIn(clientId);
    expect(limited.status).to.equal(429);
    expect(limited.headers.get('retry-after')).to.equal('3');
    expect(limited.headers.get('x-ratelimit-remaining')).to.equal('0');
    expect((await signIn(clientId)).status).to.equal(200);
  });

  it('answers 500, malformed JSON and invalid_grant on request', async () => {
    await control({ command: 'scenario', scenario: { next: 'token', fault: 'server_error', clientId } });
    expect((await signIn(clientId)).status).to.equal(500);
    await control({ command: 'scenario', scenario: { next: 'token', fault: 'malformed', clientId } });
    let parsed = true;
    await (await signIn(clientId)).json().catch(() => (parsed = false));
    expect(parsed).to.equal(false);
    await control({ command: 'scenario', scenario: { next: 'token', fault: 'invalid_grant', clientId } });
    expect((await (await signIn(clientId)).json()).error).to.equal('invalid_grant');
  });

  it('spoils the next id_token as asked', async () => {
    await control({ command: 'scenario', scenario: { next: 'id_token', fault: 'alg_none', clientId } });
    expect(decodeProtectedHeader((await (await signIn(clientId)).json()).id_token).alg).to.equal('none');
    await control({ command: 'scenario', scenario: { next: 'id_token', fault: 'wrong_aud', clientId } });
    expect(decodeJwt((await (await signIn(clientId)).json()).id_token).aud).to.equal('another-client');
    await control({ command: 'scenario', scenario: { next: 'id_token', fault: 'expired', clientId } });
    expect(decodeJwt((await (await signIn(clientId)).json()).id_token).exp! * 1000).to.be.below(Date.now());
  });

  it('signs in as a chosen user with no consent page, through the real flow', async () => {
    await control({ command: 'sign_in_as', sub: 'bob', clientId });
    const page = await fetch(
      `${issuer}/authorize?${new URLSearchParams(await codeRequest(clientId, createVerifier(), { state: 'q' }))}`,
    );
    const url = new URL(page.url);
    expect(url.pathname).to.equal('/test/_callback.html');
    expect(url.searchParams.get('code')).to.be.a('string');
    expect(url.searchParams.get('state')).to.equal('q');
  });

  it("sets the users a profile signs in, which its consent page offers (a provider of the test's own: the served one is shared)", async () => {
    const provider = createMockProvider();
    const client = provider.registerClient({
      client_name: 'Users',
      redirect_uris: [callback],
      token_endpoint_auth_method: 'none',
    });
    const users = [{ sub: 'dora', name: 'Dora Explorer', email: 'dora@example.com' }];
    const set = await provider(
      new Request(`${location.origin}/mock/__control`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ command: 'users', users }),
      }),
    );
    expect(set.status).to.equal(200);
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: client.client_id,
      redirect_uri: callback,
      scope: 'openid',
      state: 's',
      nonce: 'n',
      code_challenge: await challengeOf(createVerifier()),
      code_challenge_method: 'S256',
    });
    const page = await (await provider(new Request(`${location.origin}/mock/oidc/authorize?${query}`))).text();
    expect(page).to.include('Dora Explorer');
    expect(page).not.to.include('Alice Liddell');
  });

  it('logs every request with its client and grant type', async () => {
    await signIn(clientId);
    const log = await requestsOf(clientId);
    expect(log.map((entry) => `${entry.path} ${entry.status}`)).to.include.members(['/authorize 200', '/token 200']);
    expect(log.find((entry) => entry.path === '/token')?.grantType).to.equal('authorization_code');
  });

  it('rotates keys: the JWKS keeps the previous key so issued tokens still verify', async () => {
    const before = (await (await fetch(`${issuer}/jwks`)).json()).keys.map((key: { kid: string }) => key.kid);
    await control({ command: 'rotate_keys' });
    const after = (await (await fetch(`${issuer}/jwks`)).json()).keys.map((key: { kid: string }) => key.kid);
    expect(after).to.include(before[before.length - 1]);
    expect(after.length).to.be.greaterThan(1);
    const body = await (await signIn(clientId)).json();
    expect(after).to.include(decodeProtectedHeader(body.id_token).kid);
  });
});
