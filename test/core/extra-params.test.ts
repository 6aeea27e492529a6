import { expect } from 'chai';
import { authorizationParams } from '../../src/core/authorization-request.js';
import { resolveConfig } from '../../src/core/config.js';
import { OAuthError } from '../../src/core/errors.js';
import { ownedParams, paramsOfQuery } from '../../src/core/extra-params.js';
import { createTransaction } from '../../src/core/transaction.js';

const codeOf = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    return error instanceof OAuthError ? error.code : `not an OAuthError: ${String(error)}`;
  }
  return undefined;
};

describe('extra authorization parameters', () => {
  const base = { issuer: 'https://id.example.com', clientId: 'spa' };
  const transaction = () =>
    createTransaction({ issuer: base.issuer, clientId: 'spa', redirectUri: 'https://app.example/cb', mode: 'redirect', flow: 'code', scope: 'openid profile', returnTo: '/' });

  it('sends audience, access_type, prompt, login_hint, acr_values and ui_locales beside the kit’s own', async () => {
    const extra = { audience: 'https://api.example.com', access_type: 'offline', prompt: 'consent', login_hint: 'alice@example.com', acr_values: 'urn:mfa', ui_locales: 'pl en' };
    const config = resolveConfig({ ...base, scope: 'openid profile', authorizationParams: extra });
    const params = await authorizationParams(config, transaction(), { prompt: 'login' });
    expect(params).to.deep.include({ ...extra, prompt: 'login', response_type: 'code', client_id: 'spa', code_challenge_method: 'S256' });
  });

  it('refuses every parameter the kit owns, from the configuration and from login(), as invalid_config', () => {
    for (const name of ['state', 'nonce', 'code_challenge', 'code_challenge_method', 'redirect_uri', 'client_id', 'response_type']) {
      expect(ownedParams).to.include(name);
      expect(codeOf(() => resolveConfig({ ...base, authorizationParams: { [name]: 'x' } })), name).to.equal('invalid_config');
    }
    expect(codeOf(() => resolveConfig({ ...base, authorizationParams: { prompt: 1 } as never }))).to.equal('invalid_config');
  });

  it('login() refuses an owned parameter before anything leaves the page', async () => {
    const { createClient } = await import('../../src/core/client.js');
    const client = createClient({ ...base, clientId: `spa-${Math.random()}` });
    const failed = await client.login({ mode: 'redirect', authorizationParams: { nonce: 'mine' } }).then(
      () => 'signed in',
      (error: OAuthError) => error.code,
    );
    expect(failed).to.equal('invalid_config');
  });

  it('reads the auth-params attribute as a query string, refusing a repeated name', () => {
    expect(paramsOfQuery('audience=https%3A%2F%2Fapi.example.com&prompt=login')).to.deep.equal({ audience: 'https://api.example.com', prompt: 'login' });
    expect(paramsOfQuery('  ')).to.equal(undefined);
    expect(codeOf(() => paramsOfQuery('prompt=login&prompt=none'))).to.equal('invalid_config');
  });
});
