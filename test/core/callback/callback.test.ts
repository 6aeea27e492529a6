import { expect } from 'chai';
import { checkCallback, codeOf as responseCode } from '../../../src/core/callback/callback.js';
import { implicitTokenOf } from '../../../src/core/callback/implicit-response.js';
import { withoutCallbackParams } from '../../../src/core/callback/callback-url.js';
import { readCallback } from '../../../src/core/callback/read-callback.js';
import type { ProviderMetadata } from '../../../src/core/provider/discovery.js';
import { OAuthError } from '../../../src/core/errors.js';

const metadata: ProviderMetadata = {
  issuer: 'https://id.example.com',
  authorization_endpoint: 'https://id.example.com/authorize',
  token_endpoint: 'https://id.example.com/token',
  authorization_response_iss_parameter_supported: true,
};

function refusal(thrower: () => unknown): string | undefined {
  try {
    thrower();
  } catch (error) {
    return error instanceof OAuthError ? error.code : 'not an OAuthError';
  }
  return undefined;
}

describe('callback', () => {
  it('reads nothing from a URL that is no authorization response', () => {
    expect(readCallback('https://app.example/?page=2')).to.equal(null);
    expect(readCallback('https://app.example/?state=s')).to.equal(null);
  });

  it('reads a code or an error without state, leaving its state to be judged by the sign-in (callback-state.ts)', () => {
    expect(readCallback('https://app.example/?code=abc')).to.include({ code: 'abc', state: undefined });
    expect(readCallback('https://app.example/?error=server_error')).to.include({
      error: 'server_error',
      state: undefined,
    });
  });

  it('reads code, state and iss', () => {
    const params = readCallback('https://app.example/cb?code=c1&state=s1&iss=https%3A%2F%2Fid.example.com');
    expect(params).to.deep.include({ code: 'c1', state: 's1', iss: 'https://id.example.com' });
  });

  it('refuses a repeated parameter', () => {
    expect(refusal(() => readCallback('https://app.example/?code=a&code=b&state=s'))).to.equal('invalid_callback');
  });

  it('refuses a missing or foreign iss when the provider announces it (RFC 9207)', () => {
    const missing = readCallback('https://app.example/?code=a&state=s');
    const foreign = readCallback('https://app.example/?code=a&state=s&iss=https%3A%2F%2Fevil.example');
    expect(refusal(() => checkCallback(missing!, metadata))).to.equal('iss_mismatch');
    expect(refusal(() => checkCallback(foreign!, metadata))).to.equal('iss_mismatch');
  });

  it('turns access_denied into its own code and keeps the provider error', () => {
    const params = readCallback(
      'https://app.example/?error=access_denied&error_description=no&state=s&iss=https%3A%2F%2Fid.example.com',
    );
    let error: OAuthError | undefined;
    try {
      checkCallback(params!, metadata);
    } catch (caught) {
      error = caught as OAuthError;
    }
    expect(error?.code).to.equal('access_denied');
    expect(error?.error).to.equal('access_denied');
    expect(error?.errorDescription).to.equal('no');
  });

  it('removes the response parameters and keeps the others', () => {
    expect(withoutCallbackParams('https://app.example/p?x=1&code=a&state=s&iss=i#h')).to.equal(
      'https://app.example/p?x=1#h',
    );
    expect(withoutCallbackParams('https://app.example/p?x=1#access_token=t&state=s')).to.equal(
      'https://app.example/p?x=1',
    );
  });

  it('refuses a code response in the fragment and a token injected beside a code', () => {
    const inFragment = readCallback('https://app.example/#code=a&state=s');
    expect(refusal(() => responseCode(inFragment!))).to.equal('invalid_callback');
    const injected = readCallback('https://app.example/?code=a&state=s&access_token=evil');
    expect(refusal(() => responseCode(injected!))).to.equal('invalid_callback');
    expect(refusal(() => readCallback('https://app.example/?code=a&state=s#access_token=t&state=s'))).to.equal(
      'invalid_callback',
    );
  });

  it('reads an implicit response from the fragment only', () => {
    const params = readCallback('https://app.example/#access_token=t&token_type=bearer&expires_in=60&state=s');
    expect(implicitTokenOf(params!)).to.deep.equal({ access_token: 't', token_type: 'bearer', expires_in: 60 });
    const inQuery = readCallback('https://app.example/?access_token=t&token_type=bearer&state=s');
    expect(refusal(() => implicitTokenOf(inQuery!))).to.equal('invalid_callback');
  });

  it('refuses a huge parameter', () => {
    expect(refusal(() => readCallback(`https://app.example/?code=${'a'.repeat(5000)}&state=s`))).to.equal(
      'invalid_callback',
    );
  });
});
