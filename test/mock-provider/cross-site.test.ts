import { expect } from 'chai';
import { createVerifier } from '../../src/core/sign-in/pkce.js';
import { callback, codeRequest, issuer, registerClient } from '../_mock.js';

/** The mock this page is served with, reached as another site would reach it on a developer's machine. */
const mockAsSeenFromElsewhere = location.origin.replace('localhost', '127.0.0.1');

describe('mock provider: another website cannot drive it (issue 14)', () => {
  it('obeys no sign_in_as a foreign page posts as text/plain (no preflight): the next authorization still asks for consent', async () => {
    const clientId = await registerClient(['/test/_callback.html']);
    // This page's origin is foreign to the mock at 127.0.0.1: a simple request, sent without asking.
    await fetch(`${mockAsSeenFromElsewhere}/mock/__control`, {
      method: 'POST',
      mode: 'no-cors',
      credentials: 'omit',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ command: 'sign_in_as', sub: 'bob', clientId }),
    });
    // As JSON it needs a preflight, which the control endpoint does not answer.
    const preflighted = await fetch(`${mockAsSeenFromElsewhere}/mock/__control`, {
      method: 'POST',
      credentials: 'omit',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ command: 'sign_in_as', sub: 'bob', clientId }),
    }).then(
      () => 'answered',
      () => 'blocked',
    );
    expect(preflighted).to.equal('blocked');
    const page = await fetch(
      `${issuer}/authorize?${new URLSearchParams(await codeRequest(clientId, createVerifier(), { state: 'q' }))}`,
      { credentials: 'omit' },
    );
    expect(new URL(page.url).pathname).to.equal('/mock/oidc/authorize');
    expect(await page.text()).to.include('<oauth-consent-popup');
  });

  it('refuses a text/plain registration even from its own origin (415), and takes the same as JSON', async () => {
    const body = JSON.stringify({ redirect_uris: [callback], token_endpoint_auth_method: 'none' });
    const plain = await fetch(`${issuer}/register`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body,
    });
    expect(plain.status).to.equal(415);
    const asJson = await fetch(`${issuer}/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(asJson.status).to.equal(201);
  });

  it('gives a foreign page no CORS for a client registered over HTTP: it cannot read a registration or a token response', async () => {
    // A client of this page's origin, registered over HTTP as any page could; this origin is foreign to the mock at 127.0.0.1.
    const clientId = await registerClient(['/test/_callback.html']);
    const read = (path: string, init: RequestInit) =>
      fetch(`${mockAsSeenFromElsewhere}${path}`, { credentials: 'omit', ...init }).then(
        (response) => response.status,
        () => 'unreadable',
      );
    const form = new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: clientId,
      code: 'none',
      redirect_uri: callback,
      code_verifier: createVerifier(),
    });
    expect(await read('/mock/oidc/token', { method: 'POST', body: form })).to.equal('unreadable');
    const metadata = JSON.stringify({ redirect_uris: [callback], token_endpoint_auth_method: 'none' });
    expect(
      await read('/mock/oidc/register', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: metadata }),
    ).to.equal('unreadable');
  });
});
