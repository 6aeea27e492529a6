import { expect } from 'chai';
import { absoluteIssuer, resolveConfig, type ClientConfig } from '../../src/core/config.js';
import { OAuthError } from '../../src/core/errors.js';

describe('config', () => {
  it('fills defaults: openid scope, redirect mode', () => {
    expect(resolveConfig({ issuer: 'https://id.example.com', clientId: 'spa' })).to.deep.include({ scope: 'openid', mode: 'redirect' });
  });

  it('refuses a client secret with a pointer to the server entry', () => {
    let error: unknown;
    try {
      resolveConfig({ issuer: 'https://id.example.com', clientId: 'spa', clientSecret: 's' } as ClientConfig);
    } catch (caught) {
      error = caught;
    }
    expect(error).to.be.instanceOf(OAuthError);
    expect((error as OAuthError).code).to.equal('secret_in_browser');
    expect((error as OAuthError).message).to.include('oauth-elements/server');
  });

  it('refuses bad arguments with TypeError', () => {
    expect(() => resolveConfig({ issuer: '', clientId: 'spa' })).to.throw(TypeError);
    expect(() => resolveConfig({ issuer: 'https://id.example.com', clientId: '' })).to.throw(TypeError);
    expect(() => resolveConfig({ issuer: 'https://id.example.com', clientId: 'a', mode: 'tab' as 'popup' })).to.throw(TypeError);
  });

  it('resolves a path issuer against the page, and allows http only on loopback', () => {
    expect(absoluteIssuer('/mock/oidc')).to.equal(`${location.origin}/mock/oidc`);
    expect(absoluteIssuer('https://id.example.com/')).to.equal('https://id.example.com');
    expect(() => absoluteIssuer('http://id.example.com')).to.throw(TypeError);
  });
});
