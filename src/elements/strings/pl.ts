import type { Translation } from './en.js';

/** Polish: the strings of `en`, in its order. */
export const pl: Translation = [
  'Zaloguj się', // signIn
  'Wyloguj się', // signOut
  'Logowanie…', // signingIn
  'Wylogowywanie…', // signingOut
  'Zalogowano jako {user}', // signedInAs
  'Logowanie nie powiodło się: {reason}', // signInFailed
  'Przeglądarka zablokowała okno logowania. Zezwól na wyskakujące okna dla tej witryny lub zaloguj się ponownie.', // popupBlocked
  'Nie zezwolono na logowanie.', // accessDenied
  'Nie można połączyć się z dostawcą.', // networkError
  'Nie zalogowano', // signedOut
  'Zalogowano jako {user}, sesja wkrótce wygaśnie', // expiringSoon
  'Odnawianie sesji…', // refreshing
  'Sesja wygasła', // expired
  'Błąd sesji: {reason}', // failed
  'pozostało {time}', // timeLeft
  '{n} godz.', // hours
  '{n} min', // minutes
  '{n} s', // seconds
  'Uprawnienia', // scopes
  'Sesja jest tylko w pamięci i skończy się po przeładowaniu.', // memoryOnly
  'ktoś', // someone
  '{client_name} prosi o:', // asksTo
  'Zezwól', // allow
  'Odmów', // deny
  'ty', // you
  'Strona {client_name}', // homepage
];
