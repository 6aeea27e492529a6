import { OAuthError } from '../errors.js';

/**
 * The refusal of a redirect sign-in whose transaction only this page's memory keeps (the browser denies the
 * site all storage: cookies blocked). It would never meet its callback, so the page does not leave.
 */
export const redirectWithoutStorage = (): OAuthError =>
  new OAuthError(
    'storage_unavailable',
    'this browser keeps no storage for the site, which a sign-in by redirect needs: sign in with a popup',
  );
