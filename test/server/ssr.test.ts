// Server-side rendering imports the package in Node, where there is no document or window.
import assert from 'node:assert/strict';
import { test } from 'node:test';

const entries = ['index', 'core/index', 'elements/index', 'mock-provider/index'];

test('every browser entry point imports in Node without touching document or window', async () => {
  assert.equal(typeof (globalThis as { document?: unknown }).document, 'undefined');
  for (const entry of entries) {
    const module = (await import(`../../dist/${entry}.js`)) as Record<string, unknown>;
    assert.ok(Object.keys(module).length > 0, entry);
  }
});

test('a client can be made and asked for a token on the server, and answers login_required', async () => {
  // The built package, as a server imports it (built by `npm run build` before the tests run).
  const core = '../../dist/core/index.js';
  const { createClient, OAuthError } = (await import(core)) as typeof import('../../src/core/index.js');
  const client = createClient({ issuer: 'https://id.example.com', clientId: 'spa' });
  const failure = await client.getAccessToken().catch((error: unknown) => error);
  assert.ok(failure instanceof OAuthError);
  assert.equal(failure.code, 'login_required');
});

test('the core and the server helpers share one OAuthError: an error one throws is an OAuthError to the other', async () => {
  // As an app imports both: the core's bundle (dist/core/index.js) and the server's per-module files.
  const core = (await import('../../dist/core/index.js' as string)) as typeof import('../../src/core/index.js');
  const server = (await import('../../dist/server/index.js' as string)) as typeof import('../../src/server/index.js');
  assert.equal(core.OAuthError, server.OAuthError);
  assert.throws(
    () => server.clientCredentials({ tokenEndpoint: '', clientId: 'app', clientSecret: 'secret' }),
    (thrown) => core.isOAuthError(thrown, 'invalid_config') && thrown instanceof core.OAuthError,
  );
});
