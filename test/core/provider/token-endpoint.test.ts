import { expect } from 'chai';
import { OAuthError } from '../../../src/core/errors.js';
import { checkTokenResponse, requestToken } from '../../../src/core/provider/token-endpoint.js';
import { issuer } from '../../_mock.js';

function refusal(body: Record<string, unknown> | undefined): string | undefined {
  try {
    checkTokenResponse(body);
  } catch (error) {
    return (error as OAuthError).code;
  }
  return undefined;
}

describe('token endpoint', () => {
  it('accepts a complete Bearer response', () => {
    expect(refusal({ access_token: 'a', token_type: 'Bearer', expires_in: 60 })).to.equal(undefined);
    expect(refusal({ access_token: 'a', token_type: 'bearer' })).to.equal(undefined);
  });

  it('refuses responses with missing or wrong fields', () => {
    expect(refusal(undefined)).to.equal('invalid_token_response');
    expect(refusal({ token_type: 'Bearer' })).to.equal('invalid_token_response');
    expect(refusal({ access_token: 'a', token_type: 'mac' })).to.equal('invalid_token_response');
    expect(refusal({ access_token: 'a', token_type: 'Bearer', expires_in: '60' })).to.equal('invalid_token_response');
    expect(refusal({ access_token: 'a', token_type: 'Bearer', id_token: 5 })).to.equal('invalid_token_response');
  });

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
