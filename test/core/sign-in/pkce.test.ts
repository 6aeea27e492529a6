import { expect } from 'chai';
import { challengeOf, createVerifier } from '../../../src/core/sign-in/pkce.js';
import { OAuthError } from '../../../src/core/errors.js';

describe('pkce', () => {
  it('makes 43-character verifiers of unreserved characters, different every time', () => {
    const verifiers = new Set(Array.from({ length: 50 }, createVerifier));
    expect(verifiers.size).to.equal(50);
    for (const verifier of verifiers) expect(verifier).to.match(/^[A-Za-z0-9_-]{43}$/);
  });

  it('computes the S256 challenge of RFC 7636 appendix B', async () => {
    expect(await challengeOf('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).to.equal(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });

  it('refuses a verifier that is too short', async () => {
    let error: unknown;
    await challengeOf('short').catch((caught: unknown) => (error = caught));
    expect(error).to.be.instanceOf(OAuthError);
    expect((error as OAuthError).code).to.equal('invalid_config');
  });
});
