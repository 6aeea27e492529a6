import { expect } from 'chai';
import { resolveConfig, type ClientConfig } from '../../../src/core/config.js';
import { discover, type ProviderMetadata } from '../../../src/core/provider/discovery.js';
import { OAuthError } from '../../../src/core/errors.js';
import { startSignIn } from '../../../src/core/sign-in/sign-in.js';
import { memoryStore } from '../../../src/core/storage/store.js';
import { pendingState } from '../../../src/core/sign-in/transaction.js';
import { callback, issuer, registerClient, requestsOf } from '../../_mock.js';

/** A sign-in's first half against the served mock, with its metadata as given (changed where a test says so). */
async function start(
  config: Partial<ClientConfig>,
  changeMetadata: (metadata: ProviderMetadata) => ProviderMetadata = (metadata) => metadata,
) {
  const clientId = config.clientId ?? (await registerClient(['/test/_callback.html']));
  // This page never leaves: its memory stands in for a store that outlives it.
  const store = { ...memoryStore(), lasts: () => true };
  const metadata = changeMetadata(await discover(issuer));
  const ctx = {
    config: resolveConfig({ issuer, redirectUri: callback, ...config, clientId }),
    store,
    metadata: async () => metadata,
  };
  const started = await startSignIn(ctx, 'redirect', '/').then(
    ({ url }) => url,
    (error: OAuthError) => error,
  );
  const pushes = (await requestsOf(clientId)).filter((entry) => entry.path === '/par');
  return { started, pushes, pending: await pendingState(store, issuer, clientId) };
}

describe('sign-in start: pushed authorization requests (RFC 9126)', () => {
  it('sends the request in the URL by default, where the provider offers PAR but does not require it', async () => {
    const { started, pushes, pending } = await start({});
    expect(started).to.be.instanceOf(URL);
    const url = started as URL;
    expect(url.searchParams.get('code_challenge_method')).to.equal('S256');
    expect(url.searchParams.get('state')).to.equal(pending);
    expect(url.searchParams.has('request_uri')).to.equal(false);
    expect(pushes, 'no round trip to /par').to.deep.equal([]);
  });

  it('pushes the request when the client asks for it, and the URL carries only client_id and request_uri', async () => {
    const clientId = await registerClient(['/test/_callback.html'], { require_pushed_authorization_requests: true });
    const { started, pushes } = await start({ clientId, par: true });
    const url = started as URL;
    expect([...url.searchParams.keys()].sort()).to.deep.equal(['client_id', 'request_uri']);
    expect(pushes.map((entry) => entry.status)).to.deep.equal([201]);
  });

  it("pushes the request when the provider's metadata requires it, without being asked", async () => {
    const { started, pushes } = await start({}, (metadata) => ({
      ...metadata,
      require_pushed_authorization_requests: true,
    }));
    expect((started as URL).searchParams.get('request_uri')).to.match(/^urn:ietf:params:oauth:request_uri:/);
    expect(pushes).to.have.length(1);
  });

  it('refuses with invalid_config when PAR is asked for and the provider has no endpoint, and keeps no transaction', async () => {
    const { started, pending } = await start(
      { par: true },
      ({ pushed_authorization_request_endpoint: _, ...metadata }) => metadata,
    );
    expect((started as OAuthError).code).to.equal('invalid_config');
    expect(pending, 'the transaction was taken back').to.equal(undefined);
  });

  it('refuses a redirect whose store keeps nothing past the page (memoryStore) with storage_unavailable, and keeps no transaction', async () => {
    const store = memoryStore();
    const ctx = {
      config: resolveConfig({ issuer, clientId: 'spa', redirectUri: callback }),
      store,
      metadata: () => discover(issuer),
    };
    const refused = await startSignIn(ctx, 'redirect', '/').catch((error: OAuthError) => error.code);
    expect(refused).to.equal('storage_unavailable');
    expect(await pendingState(store, issuer, 'spa'), 'the transaction was taken back').to.equal(undefined);
    const { url } = await startSignIn(ctx, 'popup', '/');
    expect(url.searchParams.get('state'), 'a popup sign-in, which stays in the page, starts').to.equal(
      await pendingState(store, issuer, 'spa'),
    );
  });

  it("keeps no transaction when the provider's metadata cannot be had (stored while discovery was under way)", async () => {
    const store = memoryStore();
    const ctx = {
      config: resolveConfig({ issuer, clientId: 'spa', redirectUri: callback }),
      store,
      metadata: () =>
        new Promise<ProviderMetadata>((_, reject) =>
          setTimeout(() => reject(new OAuthError('network_error', 'discovery did not answer')), 20),
        ),
    };
    const refused = await startSignIn(ctx, 'redirect', '/').catch((error: OAuthError) => error.code);
    expect(refused).to.equal('network_error');
    expect(await pendingState(store, issuer, 'spa'), 'the transaction was taken back').to.equal(undefined);
  });
});
