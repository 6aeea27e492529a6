import { expect } from 'chai';
import { defineConsentPopup, OAuthLoginButton } from '../../src/index.js';

// `import 'oauth-elements'` (src/index.ts, through src/elements/index.ts): an app's bundler must not put the
// consent element in the first load; defineConsentPopup() loads it, the class `oauth-elements/consent-popup` defines.
describe('oauth-elements, the package entry', () => {
  it('defines the button at once, and the consent element when asked', async () => {
    expect(customElements.get('oauth-login-button')).to.equal(OAuthLoginButton);
    // A boolean: a failure's message then carries no element class to serialize.
    expect(
      customElements.get('oauth-consent-popup') === undefined,
      'the consent element is not defined at import',
    ).to.equal(true);
    const defined = await defineConsentPopup();
    expect(customElements.get('oauth-consent-popup')).to.equal(defined);
    expect(defined).to.equal((await import('../../src/elements/consent-popup/define.js')).OAuthConsentPopup);
  });
});
