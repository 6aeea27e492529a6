import { expect } from 'chai';
import { OAuthError } from '../../../src/core/errors.js';
import { requestToken } from '../../../src/core/provider/token-endpoint.js';
import { issuer } from '../../_mock.js';

describe('token endpoint', () => {
  it('keeps the provider error of a refused grant, over real HTTP to the mock provider', async () => {
    let error: OAuthError | undefined;
    await requestToken(`${issuer}/token`, {
      grant_type: 'authorization_code',
      code: 'nope',
      client_id: 'nobody',
    }).catch((caught: OAuthError) => (error = caught));
    expect(error?.code).to.equal('provider_error');
    expect(error?.error).to.equal('invalid_client');
    expect(error?.status).to.equal(401);
  });

  it('reports an unreachable endpoint as network_error', async () => {
    let error: OAuthError | undefined;
    await requestToken('http://127.0.0.1:9/token', { grant_type: 'authorization_code' }).catch(
      (caught: OAuthError) => (error = caught),
    );
    expect(error?.code).to.equal('network_error');
  });
});
