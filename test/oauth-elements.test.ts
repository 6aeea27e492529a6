import { expect } from 'chai';
import { defineConsentPopup, OAuthLoginButton } from '../src/oauth-elements.js';
import { waitFor } from './_mock.js';

describe('oauth-elements (the drop-in)', () => {
  it('defines the button and the status at once, and the consent element only when a page shows one', async () => {
    expect(customElements.get('oauth-login-button')).to.equal(OAuthLoginButton);
    expect(customElements.get('oauth-token-status')).to.be.a('function');
    expect(customElements.get('oauth-consent-popup')).to.equal(undefined);
    const host = document.createElement('div');
    host.innerHTML = '<section><oauth-consent-popup client-name="A"></oauth-consent-popup></section>';
    document.body.append(host);
    const defined = await waitFor(() => customElements.get('oauth-consent-popup'), 'the consent element');
    expect(await defineConsentPopup()).to.equal(defined);
    host.remove();
  });
});
