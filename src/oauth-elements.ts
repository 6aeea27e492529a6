// The drop-in bundle: every element defined, and the client for script. jose loads on first id_token check.
export { OAuthClient, createClient, OAuthError, isOAuthError, profiles } from './core/index.js';
export { ClientErrorEvent, RenewalEvent, SessionChangeEvent, StorageFallbackEvent } from './core/index.js';
export { OAuthLoginButton } from './elements/login-button/define.js';
export { OAuthTokenStatus } from './elements/token-status/define.js';
export {
  OAuthConsentEvent,
  OAuthErrorEvent,
  OAuthLoginCancelEvent,
  OAuthLoginEvent,
  OAuthLogoutEvent,
  OAuthTokenChangeEvent,
} from './elements/events.js';
export { provideClient, watchClient } from './elements/client-registry.js';
export type { ConsentScope, OAuthConsentPopup } from './elements/consent-popup/consent-popup.js';
export { defineConsentPopup } from './elements/consent-popup/lazy.js';
export type { TokenState } from './elements/token-status/token-status.js';
export type { LoginButtonState } from './elements/login-button/login-button.js';
export type { Language, Strings } from './elements/strings/index.js';
