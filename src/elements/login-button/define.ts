import { OAuthLoginButton } from './login-button.js';

if (!customElements.get('oauth-login-button')) customElements.define('oauth-login-button', OAuthLoginButton);

declare global {
  interface HTMLElementTagNameMap {
    'oauth-login-button': OAuthLoginButton;
  }
}

export { OAuthLoginButton };
