import { expect } from 'chai';
import { OAuthError } from '../../../src/core/errors.js';
import { configuredIssuer } from '../../../src/core/config.js';
import { checkedIssuer } from '../../../src/core/provider/discovery.js';

// OpenID Connect Discovery 1.0 §4.1 and §4.3; RFC 8414 §3.3.
describe('issuer identity', () => {
  it('keeps the configured issuer as written, trailing slash included, and resolves a path against the page', () => {
    expect(configuredIssuer('https://tenant.auth0.com/')).to.equal('https://tenant.auth0.com/');
    expect(configuredIssuer('https://id.example.com')).to.equal('https://id.example.com');
    expect(configuredIssuer('/op/')).to.equal(`${location.origin}/op/`);
    expect(() => configuredIssuer('http://id.example.com/')).to.throw(OAuthError, 'must use https');
  });

  it('accepts the metadata’s issuer when it is the configured one but for a trailing slash, and keeps the metadata’s string', async () => {
    expect(await checkedIssuer('https://tenant.auth0.com', 'https://tenant.auth0.com/')).to.equal(
      'https://tenant.auth0.com/',
    );
    expect(await checkedIssuer('https://id.example.com/op/', 'https://id.example.com/op')).to.equal(
      'https://id.example.com/op',
    );
    expect(await checkedIssuer('https://id.example.com/op', 'https://id.example.com/op')).to.equal(
      'https://id.example.com/op',
    );
  });

  it('refuses any other difference with invalid_discovery, naming both strings and what to set', async () => {
    for (const [configured, named] of [
      ['https://id.example.com/a', 'https://id.example.com/b'],
      ['https://id.example.com', 'https://ID.example.com'],
      ['https://id.example.com', 'https://id.example.com//'],
      ['https://id.example.com/', undefined],
    ] as const) {
      let error: unknown;
      try {
        await checkedIssuer(configured, named);
      } catch (failure) {
        error = failure;
      }
      expect(error, `${configured} / ${named}`).to.be.instanceOf(OAuthError);
      expect((error as OAuthError).code).to.equal('invalid_discovery');
      expect((error as OAuthError).message).to.include(`"${configured}"`);
      expect((error as OAuthError).message).to.include(`set issuer to "${named}"`);
    }
  });
});
