import { expect } from 'chai';
import { absoluteIssuer, resolveConfig, type ClientConfig } from '../../src/core/config.js';
import { OAuthError } from '../../src/core/errors.js';

/** The code of the OAuthError `act` throws ('none' when it throws none, the name of any other error). */
const configErrorOf = (act: () => unknown): string => {
  try {
    act();
    return 'none';
  } catch (error) {
    return error instanceof OAuthError ? error.code : (error as Error).name;
  }
};

describe('config', () => {
  it('fills defaults: the oidc profile, its default scope, the code flow, redirect mode', () => {
    const config = resolveConfig({ issuer: 'https://id.example.com', clientId: 'spa' });
    expect(config).to.deep.include({ scope: 'openid profile email', mode: 'redirect', flow: 'code' });
    expect(config.profile.id).to.equal('oidc');
  });

  it('offers the generic OpenID profile’s implicit id_token token flow only when asked for (OpenID Connect Core §3.2)', () => {
    expect(resolveConfig({ issuer: 'https://id.example.com', clientId: 'a' }).flow).to.equal('code');
    expect(resolveConfig({ issuer: 'https://id.example.com', clientId: 'a', flow: 'implicit' }).flow).to.equal(
      'implicit',
    );
  });

  it('takes a profile by id, with its default flow and scope', () => {
    const config = resolveConfig({ issuer: 'https://redguy.example', clientId: 'app', profile: 'redguy' });
    expect(config).to.deep.include({ flow: 'implicit', scope: '1 2' });
  });

  it('refuses a code flow whose exchange needs a secret unless a backend token endpoint is given', () => {
    let error: unknown;
    try {
      resolveConfig({ issuer: 'https://php.example', clientId: 'app', profile: 'phpapi' });
    } catch (caught) {
      error = caught;
    }
    expect((error as OAuthError).code).to.equal('invalid_config');
    expect((error as OAuthError).message).to.include('codeExchangeHandler');
    expect(
      resolveConfig({ issuer: 'https://php.example', clientId: 'app', profile: 'phpapi', tokenEndpoint: '/api/token' })
        .flow,
    ).to.equal('code');
  });

  it("takes dpop as true, false or 'prefer', and nothing else", () => {
    expect(resolveConfig({ issuer: 'https://id.example.com', clientId: 'a', dpop: 'prefer' }).dpop).to.equal('prefer');
    let error: unknown;
    try {
      resolveConfig({ issuer: 'https://id.example.com', clientId: 'a', dpop: 'yes' as never });
    } catch (caught) {
      error = caught;
    }
    expect(error).to.be.instanceOf(OAuthError);
    expect((error as OAuthError).code).to.equal('invalid_config');
  });

  it('refuses a flow the profile does not offer, and an unknown profile', () => {
    expect(() =>
      resolveConfig({
        issuer: 'https://id.example.com',
        clientId: 'a',
        profile: 'gearcode',
        tokenEndpoint: '/t',
        flow: 'implicit',
      }),
    ).to.throw(OAuthError);
    expect(
      configErrorOf(() =>
        resolveConfig({ issuer: 'https://id.example.com', clientId: 'a', profile: 'nope' as 'oidc' }),
      ),
    ).to.equal('invalid_config');
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

  it('refuses bad arguments with OAuthError invalid_config, where the mistake is found', () => {
    expect(configErrorOf(() => resolveConfig({ issuer: '', clientId: 'spa' }))).to.equal('invalid_config');
    expect(configErrorOf(() => resolveConfig({ issuer: 'https://id.example.com', clientId: '' }))).to.equal(
      'invalid_config',
    );
    expect(
      configErrorOf(() => resolveConfig({ issuer: 'https://id.example.com', clientId: 'a', mode: 'tab' as 'popup' })),
    ).to.equal('invalid_config');
    expect(configErrorOf(() => resolveConfig({ issuer: 'https://exa mple.com:99999', clientId: 'a' }))).to.equal(
      'invalid_config',
    );
  });

  it('resolves a path issuer against the page, and allows http only on loopback', () => {
    expect(absoluteIssuer('/mock/oidc')).to.equal(`${location.origin}/mock/oidc`);
    expect(absoluteIssuer('https://id.example.com/')).to.equal('https://id.example.com');
    expect(configErrorOf(() => absoluteIssuer('http://id.example.com'))).to.equal('invalid_config');
  });
});
