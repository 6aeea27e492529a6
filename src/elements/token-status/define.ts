import { OAuthTokenStatus } from './token-status.js';

if (!customElements.get('oauth-token-status')) customElements.define('oauth-token-status', OAuthTokenStatus);

declare global {
  interface HTMLElementTagNameMap {
    'oauth-token-status': OAuthTokenStatus;
  }
}

export { OAuthTokenStatus };
