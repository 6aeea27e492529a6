/** The token status's own strings in English, which load with its view. */
export const enStatus = {
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
};
