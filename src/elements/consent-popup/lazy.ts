import type { OAuthConsentPopup } from './consent-popup.js';

const consentTag = 'oauth-consent-popup';
let consent: Promise<typeof OAuthConsentPopup> | undefined;

/**
 * Defines `<oauth-consent-popup>`, the provider's consent element, and resolves to its class. An
 * app's page rarely shows one, so it loads on its own: when one appears in the document (outside
 * shadow roots), or when asked. Until then `customElements.get('oauth-consent-popup')` is
 * `undefined`; `customElements.whenDefined()` resolves once it has loaded.
 */
export function defineConsentPopup(): Promise<typeof OAuthConsentPopup> {
  return (consent ??= import('./define.js').then((module) => module.OAuthConsentPopup));
}

const holdsConsent = (node: Node): boolean =>
  node instanceof Element && (node.localName === consentTag || node.querySelector(consentTag) !== null);

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
