import type { enConsent } from './en-consent.js';
import type { enStatus } from './en-status.js';

/**
 * The strings every page with a sign-in button shows, in English; `{name}` marks a value filled in. The
 * token status's and the consent element's own load with them (`en-status.ts`, `en-consent.ts`).
 */
export const en = {
  signIn: 'Sign in',
  signOut: 'Sign out',
  signingIn: 'Signing in…',
  signingOut: 'Signing out…',
  signedInAs: 'Signed in as {user}',
  signInFailed: 'Sign-in failed: {reason}',
  popupBlocked: 'The browser blocked the sign-in window. Allow pop-ups for this site, or sign in again.',
  accessDenied: 'You did not allow the sign-in.',
  networkError: 'The provider could not be reached.',
  someone: 'someone',
};

/** Every string of one language: the button's, the token status's and the consent element's. */
export type Strings = typeof en & typeof enStatus & typeof enConsent;
