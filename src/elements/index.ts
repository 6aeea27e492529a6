export { OAuthLoginButton } from './login-button/define.js';
export { OAuthTokenStatus } from './token-status/define.js';
// The consent element loads when a page shows one (or on defineConsentPopup()); `oauth-elements/consent-popup` defines it at once.
export { defineConsentPopup } from './consent-popup/lazy.js';
export type { ConsentScope, OAuthConsentPopup } from './consent-popup/consent-popup.js';
export {
  OAuthConsentEvent,
  OAuthErrorEvent,
  OAuthLoginCancelEvent,
  OAuthLoginEvent,
  OAuthLogoutEvent,
  OAuthTokenChangeEvent,
} from './events.js';
export { provideClient, watchClient } from './client-registry.js';
export type { TokenState } from './token-status/token-status.js';
export type { LoginButtonState } from './login-button/login-button.js';
export type { Language, Strings } from './strings/index.js';
