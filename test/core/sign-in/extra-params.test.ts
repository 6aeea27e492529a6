import { expect } from 'chai';
import { authorizationParams } from '../../../src/core/sign-in/authorization-request.js';
import { resolveConfig } from '../../../src/core/config.js';
import { OAuthError } from '../../../src/core/errors.js';
import { ownedParams } from '../../../src/core/sign-in/extra-params.js';
import { createTransaction } from '../../../src/core/sign-in/transaction.js';

describe('extra authorization parameters', () => {
  const base = { issuer: 'https://id.example.com', clientId: 'spa' };
  const transaction = () =>
    createTransaction({
      issuer: base.issuer,
      clientId: 'spa',
      redirectUri: 'https://app.example/cb',
      mode: 'redirect',
      flow: 'code',
      scope: 'openid profile',
      returnTo: '/',
    });

  it('sends audience, access_type, prompt, login_hint, acr_values and ui_locales beside the kit’s own', async () => {
    const extra = {
      audience: 'https://api.example.com',
      access_type: 'offline',
      prompt: 'consent',
      login_hint: 'alice@example.com',
      acr_values: 'urn:mfa',
      ui_locales: 'pl en',
    };
    const config = resolveConfig({ ...base, scope: 'openid profile', authorizationParams: extra });
    const params = await authorizationParams(config, transaction(), { prompt: 'login' });
    expect(params).to.deep.include({
      ...extra,
      prompt: 'login',
      response_type: 'code',
      client_id: 'spa',
      code_challenge_method: 'S256',
    });
  });

  it('refuses every parameter the kit owns, from the configuration and from login(), as invalid_config', async () => {
    expect(ownedParams).to.include.members(['state', 'nonce', 'code_challenge', 'redirect_uri', 'client_id', 'scope']);
    for (const name of ownedParams) {
      const config = resolveConfig({ ...base, authorizationParams: { [name]: 'x' } });
      const refused = await authorizationParams(config, transaction()).then(
        () => 'kept',
        (error: OAuthError) => error.code,
      );
      expect(refused, name).to.equal('invalid_config');
      const again = await authorizationParams(resolveConfig(base), transaction(), { [name]: 'x' }).then(
        () => 'kept',
        (error: OAuthError) => error.code,
      );
      expect(again, `${name} from login()`).to.equal('invalid_config');
    }
    const notText = await authorizationParams(
      resolveConfig({ ...base, authorizationParams: { prompt: 1 } as never }),
      transaction(),
    ).catch((error: OAuthError) => error.code);
    expect(notText).to.equal('invalid_config');
    // Only none or an empty plain object skips the checks (and their chunk); any other value is checked and refused.
    for (const value of ['prompt=login', ['login'], 1]) {
      const refused = await authorizationParams(
        resolveConfig({ ...base, authorizationParams: value as never }),
        transaction(),
      ).catch((error: OAuthError) => error.code);
      expect(refused, JSON.stringify(value)).to.equal('invalid_config');
    }
    const plain = await authorizationParams(resolveConfig({ ...base, authorizationParams: {} }), transaction(), {});
    expect(plain).to.include({ response_type: 'code', client_id: 'spa' });
  });

  it('login() refuses an owned parameter, in the configuration or its own, before anything leaves the page', async () => {
    const { createClient } = await import('../../../src/core/client.js');
    const client = createClient({ ...base, issuer: `${location.origin}/mock/oidc`, clientId: `spa-${Math.random()}` });
    const failed = await client.login({ mode: 'redirect', authorizationParams: { nonce: 'mine' } }).then(
      () => 'signed in',
      (error: OAuthError) => error.code,
    );
    expect(failed).to.equal('invalid_config');
  });
});
