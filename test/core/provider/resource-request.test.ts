import { expect } from 'chai';
import { resolveConfig } from '../../../src/core/config.js';
import type { OAuthError } from '../../../src/core/errors.js';
import { carriesToken } from '../../../src/core/provider/resource-request.js';

describe('resource requests', () => {
  it("attach the token only at the page's origin, the issuer's and resourceOrigins (as URL.origin spells them), and refuse a listed entry that is not an origin", () => {
    const config = resolveConfig({
      issuer: 'https://id.example.com/tenant',
      clientId: 'a',
      resourceOrigins: ['https://API.example.com:443', 'http://localhost:8080/'],
    });
    const carries = (url: string): boolean => carriesToken(config, new URL(url));
    expect(carries(`${location.origin}/api/me`), 'the page').to.equal(true);
    expect(carries('https://id.example.com/userinfo'), 'the issuer').to.equal(true);
    expect(carries('https://api.example.com/v1/me'), 'a listed origin').to.equal(true);
    expect(carries('http://localhost:8080/x'), 'a listed origin with a port').to.equal(true);
    for (const elsewhere of [
      'https://evil.example/api',
      'http://api.example.com/v1/me',
      'https://api.example.com:8443/',
      'https://id.example.com.evil.example/',
    ]) {
      expect(carries(elsewhere), elsewhere).to.equal(false);
    }
    for (const wrong of ['https://api.example.com/v1', 'api.example.com', '*']) {
      const refused = (() => {
        try {
          carriesToken({ ...config, resourceOrigins: [wrong] }, new URL('https://api.example.com/'));
        } catch (error) {
          return (error as OAuthError).code;
        }
        return 'taken';
      })();
      expect(refused, wrong).to.equal('invalid_config');
    }
  });
});
