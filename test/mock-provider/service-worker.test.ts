import { expect } from 'chai';
import { challengeOf, createVerifier } from '../../src/core/sign-in/pkce.js';
import { decideConsent } from '../e2e/_harness.js';
import { authorize, codeFlow, exchange, register, requestsOf, tokenRequest, waitFor, type MockAt } from '../_mock.js';

// The built worker (npm run build:sw) at a base path the test runner does not serve. Its scope is that
// base path only, so no other test page is ever controlled; a frame inside it is the worker's client.
const basePath = '/dist/sw-mock';
const workerUrl = `/dist/mock-provider-sw.js?${new URLSearchParams({ basePath, consentScript: '/src/elements/consent-popup/define.ts' })}`;
const swIssuer = `${location.origin}${basePath}/oidc`;

/** A same-origin frame at `src`, once it has loaded. */
async function frameAt(src: string): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = src;
  document.body.append(frame);
  await loaded;
  return frame;
}

describe('mock provider: service worker adapter', () => {
  let registration: ServiceWorkerRegistration;
  let client: HTMLIFrameElement;
  let at: MockAt;

  before(async () => {
    if (!(await fetch('/dist/mock-provider-sw.js', { method: 'HEAD' })).ok)
      throw new Error('build the worker first: npm run build:sw');
    registration = await navigator.serviceWorker.register(workerUrl, { scope: `${basePath}/` });
    await waitFor(() => registration.active?.state === 'activated', 'the worker to activate');
    client = await frameAt(`${swIssuer}/.well-known/openid-configuration`);
    const frameWindow = client.contentWindow as Window;
    at = { issuer: swIssuer, fetch: (input, init) => frameWindow.fetch(input, init) };
  });

  after(async () => {
    client?.remove();
    await registration?.unregister();
  });

  it('answers discovery from the worker, at a base path the test runner does not serve', async () => {
    expect(client.contentWindow?.navigator.serviceWorker.controller?.scriptURL).to.include('/dist/mock-provider-sw.js');
    expect(JSON.parse(client.contentDocument?.body.textContent ?? '{}').issuer).to.equal(swIssuer);
    const metadata = await (await at.fetch(`${swIssuer}/.well-known/openid-configuration`)).json();
    expect(metadata.issuer).to.equal(swIssuer);
    expect(metadata.token_endpoint).to.equal(`${swIssuer}/token`);
    expect(
      (await fetch(`${swIssuer}/.well-known/openid-configuration`)).status,
      'the same URL, from a page the worker does not control',
    ).to.equal(404);
  });

  it('runs registration, authorization and the token exchange in the worker, which the test runner’s provider never sees', async () => {
    const registered = await register(['/test/_callback.html'], {}, at);
    expect(registered.registration_client_uri).to.equal(`${swIssuer}/register/${registered.client_id}`);
    const { code, verifier, url } = await codeFlow(registered.client_id, {}, at);
    expect(url.searchParams.get('iss')).to.equal(swIssuer);
    const response = await exchange(registered.client_id, code, verifier, at);
    expect(response.status).to.equal(200);
    const tokens = await response.json();
    expect(tokens.id_token).to.be.a('string');
    const userinfo = await at.fetch(`${swIssuer}/userinfo`, {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    expect((await userinfo.json()).sub).to.equal('alice');
    expect(await requestsOf(registered.client_id)).to.deep.equal([]);
  });

  it('serves a consent page whose element loads from consentScript, and sends the user back with a code', async () => {
    const registered = await register(['/test/_callback.html'], {}, at);
    const verifier = createVerifier();
    const challenge = await challengeOf(verifier);
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: registered.client_id,
      redirect_uri: `${location.origin}/test/_callback.html`,
      state: 'sw',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    const flow = await frameAt(`${swIssuer}/authorize?${query}`);
    try {
      await waitFor(
        () => (flow.contentWindow as (Window & typeof globalThis) | null)?.customElements.get('oauth-consent-popup'),
        'the consent element',
      );
      await decideConsent(() => flow.contentWindow);
      const back = await waitFor(
        () =>
          flow.contentWindow?.location.pathname === '/test/_callback.html' && new URL(flow.contentWindow.location.href),
        'the callback',
      );
      expect(back.searchParams.get('state')).to.equal('sw');
      expect(back.searchParams.get('iss')).to.equal(swIssuer);
      const response = await exchange(registered.client_id, back.searchParams.get('code') ?? '', verifier, at);
      expect(response.status).to.equal(200);
    } finally {
      flow.remove();
    }
  });

  it('passes every request outside its base path through to the network', async () => {
    const page = await at.fetch('/test/_callback.html');
    expect(page.status).to.equal(200);
    const served = await (await at.fetch('/mock/oidc/.well-known/openid-configuration')).json();
    expect(served.issuer).to.equal(`${location.origin}/mock/oidc`);
    expect(
      (
        await tokenRequest(
          { grant_type: 'authorization_code', code: 'x' },
          { ...at, issuer: `${location.origin}/mock/oidc` },
        )
      ).status,
    ).to.equal(401);
  });

  it('answers prompt=none with login_required even after a sign-in, as a worker’s response cannot set a cookie', async () => {
    const registered = await register(['/test/_callback.html'], {}, at);
    expect((await codeFlow(registered.client_id, {}, at)).code)
      .to.be.a('string')
      .and.not.equal('');
    expect((await codeFlow(registered.client_id, { prompt: 'none' }, at)).url.searchParams.get('error')).to.equal(
      'login_required',
    );
  });

  it('registers a demo client whose redirect URI is the worker’s own origin', async () => {
    const url = await authorize(
      {
        response_type: 'code',
        client_id: 'demo',
        redirect_uri: `${location.origin}/`,
        code_challenge: 'c'.repeat(43),
        code_challenge_method: 'S256',
        state: 'd',
      },
      'approve',
      at,
    );
    expect(url.origin + url.pathname).to.equal(`${location.origin}/`);
    expect(url.searchParams.get('code')).to.be.a('string');
  });
});
