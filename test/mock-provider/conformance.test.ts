// Gaps a conformance probe found in the mock provider (issue 13, item 4), each pinned to the text it breaks.
import { expect } from 'chai';
import {
  authorize,
  callback,
  codeFlow,
  exchange,
  mockOf,
  register,
  registerClient,
  tokenBody,
  tokenRequest,
} from '../_mock.js';

describe('mock provider: conformance', () => {
  // No CORS on the authorization endpoint and its decision, even for the app's own origin: a Node test sets the
  // Origin a page cannot (test/server/mock-cross-site.test.ts).
  it('answers a token request without grant_type with invalid_request, as RFC 6749 §5.2 says of a missing parameter', async () => {
    const clientId = await registerClient(['/test/_callback.html']);
    const { code, verifier } = await codeFlow(clientId);
    const response = await tokenRequest({ client_id: clientId, code, code_verifier: verifier, redirect_uri: callback });
    expect(response.status).to.equal(400);
    expect((await response.json()).error).to.equal('invalid_request');
    // The code was not spent by the refused request.
    expect((await tokenBody(await exchange(clientId, code, verifier))).access_token).to.be.a('string');
  });

  it('panel: a client registered with several redirect URIs in one space-separated string signs in at each of them (seed 002, "multiple uri should be separated by space")', async () => {
    const at = mockOf('panel');
    const uris = [callback, `${location.origin}/test/e2e/_app.html`];
    // The panel's form field as a string, and the same string as the one item of an RFC 7591 array.
    for (const redirectUris of [uris.join(' '), [uris.join('  ')]]) {
      const client = await register(
        [],
        { redirect_uris: redirectUris, token_endpoint_auth_method: 'client_secret_post', scope: 'user.read' },
        at,
      );
      expect(client['redirect_uris']).to.deep.equal(uris);
      for (const uri of uris) {
        const url = await authorize(
          { response_type: 'code', client_id: client.client_id, redirect_uri: uri, state: 'ps' },
          'approve',
          at,
        );
        expect(`${url.origin}${url.pathname}`).to.equal(uri);
        const code = url.searchParams.get('code') ?? '';
        const params = {
          grant_type: 'authorization_code',
          code,
          client_id: client.client_id,
          client_secret: client.client_secret ?? '',
          redirect_uri: uri,
        };
        const body = await tokenBody(await tokenRequest(params, at));
        const user = await fetch(`${at.issuer}/api/user?${new URLSearchParams({ access_token: body.access_token })}`);
        expect(user.status, uri).to.equal(200);
      }
    }
  });

  it('redguy: a token with scope 2 alone reads the user’s email at /v1/users/get (seed 000: scope 2 "Got user email address")', async () => {
    const at = mockOf('redguy');
    const app = await register(
      ['/test/_callback.html'],
      { token_endpoint_auth_method: 'client_secret_post', scope: undefined },
      at,
    );
    const url = await authorize(
      { response_type: 'code', client_id: app.client_id, redirect_uri: callback, scope: '2', state: 'r2' },
      'approve',
      at,
    );
    const params = {
      grant_type: 'authorization_code',
      code: url.searchParams.get('code') ?? '',
      client_id: app.client_id,
      client_secret: app.client_secret ?? '',
      redirect_uri: callback,
    };
    const { access_token } = await tokenBody(await tokenRequest(params, at));
    const answer = await (
      await fetch(`${at.issuer}/v1/users/get`, { headers: { authorization: `Bearer ${access_token}` } })
    ).json();
    expect(answer.code, answer.comment).to.equal(0);
    expect(answer.response.email).to.equal('alice@example.com');
  });
});
