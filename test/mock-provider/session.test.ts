import { expect } from 'chai';
import { codeFlow, cookieless, exchange, issuer, registerClient, served, userinfoStatus, waitFor } from '../_mock.js';

// The browser's cookie jar is shared with the test files running beside this one, which sign alice in
// (never out): a user-agent without a session is a cookieless fetch, and a session only this file makes is bob's.

describe('mock provider: prompt=none and the provider session', () => {
  let clientId: string;
  before(async () => {
    clientId = await registerClient(['/test/_callback.html']);
  });

  it('answers prompt=none with login_required, iss and state, and no page, when no one is signed in at the provider', async () => {
    const { url } = await codeFlow(clientId, { prompt: 'none', state: 'quiet' }, cookieless);
    expect(url.pathname).to.equal('/test/_callback.html');
    expect(url.searchParams.get('error')).to.equal('login_required');
    expect(url.searchParams.get('iss')).to.equal(issuer);
    expect(url.searchParams.get('state')).to.equal('quiet');
  });

  it('answers prompt=none with a code straight away once the user approved the client', async () => {
    await codeFlow(clientId);
    const { code, verifier, url } = await codeFlow(clientId, { prompt: 'none', state: 'quiet' });
    expect(url.searchParams.get('error')).to.equal(null);
    expect(url.searchParams.get('iss')).to.equal(issuer);
    expect(url.searchParams.get('state')).to.equal('quiet');
    const response = await exchange(clientId, code, verifier);
    expect(response.status).to.equal(200);
    const claims = JSON.parse(
      atob((await response.json()).id_token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')),
    );
    expect(claims.auth_time).to.be.a('number').and.at.most(claims.iat);
  });

  it('keeps the session cookie from script: HttpOnly, even on the provider’s own pages', async () => {
    await codeFlow(clientId);
    const frame = document.createElement('iframe');
    frame.src = `${issuer}/jwks`;
    document.body.append(frame);
    try {
      const doc = await waitFor(
        () => frame.contentDocument?.body?.textContent?.includes('keys') && frame.contentDocument,
        'the provider page',
      );
      expect(doc.cookie).not.to.include('mock_session');
      expect((await codeFlow(clientId, { prompt: 'none' })).url.searchParams.get('code')).to.be.a('string');
    } finally {
      frame.remove();
    }
  });

  it('answers prompt=none with consent_required for a scope not yet granted, or a client not yet approved', async () => {
    await codeFlow(clientId, { scope: 'openid profile' });
    const wider = await codeFlow(clientId, { prompt: 'none', scope: 'openid profile email' });
    expect(wider.url.searchParams.get('error')).to.equal('consent_required');
    expect(wider.url.searchParams.get('iss')).to.equal(issuer);
    const other = await registerClient(['/test/_callback.html']);
    expect((await codeFlow(other, { prompt: 'none' })).url.searchParams.get('error')).to.equal('consent_required');
  });

  it('ends the provider session at /end-session, revoking no token', async () => {
    const bobsOnly = await registerClient(['/test/_callback.html']);
    const { code, verifier } = await codeFlow(bobsOnly, {}, served, 'bob');
    const { access_token } = await (await exchange(bobsOnly, code, verifier)).json();
    expect((await fetch(`${issuer}/end-session`)).status).to.equal(200);
    const after = (await codeFlow(bobsOnly, { prompt: 'none' })).url.searchParams;
    // Only bob's session could answer with a code; consent_required means a test beside this one signed alice in meanwhile.
    expect(after.get('code')).to.equal(null);
    expect(after.get('error')).to.be.oneOf(['login_required', 'consent_required']);
    expect(await userinfoStatus(access_token)).to.equal(200);
  });

  it('refuses prompt=none combined with another value with invalid_request', async () => {
    const { url } = await codeFlow(clientId, { prompt: 'none login' });
    expect(url.searchParams.get('error')).to.equal('invalid_request');
  });
});
