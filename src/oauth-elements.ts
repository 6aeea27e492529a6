// The drop-in bundle: every element defined, and the client for script. jose loads on first id_token check.
import type { OAuthConsentPopup } from './elements/consent-popup/consent-popup.js';

export { OAuthClient, createClient, OAuthError, isOAuthError, profiles } from './core/index.js';
export { ClientErrorEvent, RenewalEvent, SessionChangeEvent, StorageFallbackEvent } from './core/index.js';
export { OAuthLoginButton } from './elements/login-button/define.js';
export { OAuthTokenStatus } from './elements/token-status/define.js';
export { OAuthConsentEvent, OAuthErrorEvent, OAuthLoginCancelEvent, OAuthLoginEvent, OAuthLogoutEvent, OAuthTokenChangeEvent } from './elements/events.js';
export { provideClient, watchClient } from './elements/client-registry.js';
export type { ConsentScope } from './elements/consent-popup/consent-popup.js';
export type { TokenState } from './elements/token-status/token-status.js';
export type { LoginButtonState } from './elements/login-button/login-button.js';
export type { Language, Strings } from './elements/strings/index.js';

const consentTag = 'oauth-consent-popup';
let consent: Promise<typeof OAuthConsentPopup> | undefined;

/**
 * Defines `<oauth-consent-popup>`, the provider's consent element, and resolves to its class. An
 * app's page rarely shows one, so it loads on its own: when one appears in the page (outside shadow roots), or when asked.
 */
export function defineConsentPopup(): Promise<typeof OAuthConsentPopup> {
  return (consent ??= import('./elements/consent-popup/define.js').then((module) => module.OAuthConsentPopup));
}

const holdsConsent = (node: Node): boolean => node instanceof Element && (node.localName === consentTag || node.querySelector(consentTag) !== null);

if (typeof document !== 'undefined') {
  if (document.querySelector(consentTag)) void defineConsentPopup();
  else {
    const watcher = new MutationObserver((records) => {
      if (!records.some((record) => [...record.addedNodes].some(holdsConsent))) return;
      watcher.disconnect();
      void defineConsentPopup();
    });
    watcher.observe(document, { childList: true, subtree: true });
  }
}
