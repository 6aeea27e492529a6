import { OAuthConsentPopup } from './consent-popup.js';

if (!customElements.get('oauth-consent-popup')) customElements.define('oauth-consent-popup', OAuthConsentPopup);

declare global {
  interface HTMLElementTagNameMap {
    'oauth-consent-popup': OAuthConsentPopup;
  }
}

export { OAuthConsentPopup };
