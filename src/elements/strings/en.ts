/** Every string the elements show, in English; `{name}` marks a value filled in. */
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
  signedOut: 'Signed out',
  expiringSoon: 'Signed in as {user}, expires soon',
  refreshing: 'Renewing the session…',
  expired: 'Session expired',
  failed: 'Session error: {reason}',
  timeLeft: '{time} left',
  hours: '{n} h',
  minutes: '{n} min',
  seconds: '{n} s',
  scopes: 'Scopes',
  memoryOnly: 'Kept in memory only: this session ends on reload.',
  someone: 'someone',
  asksTo: '{client_name} asks to:',
  allow: 'Allow',
  deny: 'Deny',
  you: 'you',
  homepage: 'Homepage of {client_name}',
};

/** The strings of one language. */
export type Strings = typeof en;
