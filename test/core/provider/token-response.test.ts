import { expect } from 'chai';
import type { OAuthError } from '../../../src/core/errors.js';
import { checkTokenResponse } from '../../../src/core/provider/token-response.js';

function refusal(body: Record<string, unknown> | undefined): string | undefined {
  try {
    checkTokenResponse(body);
  } catch (error) {
    return (error as OAuthError).code;
  }
  return undefined;
}

describe('token response', () => {
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
});
