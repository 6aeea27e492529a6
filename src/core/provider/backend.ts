import type { ResolvedConfig } from '../config.js';
import { jsonObjectOf, providerError, send } from './http.js';

// The kit's side of oauth-elements/server's token-mediating backend: used when `tokenEndpoint` is set.

/** Whether the backend renews the session with the refresh token it keeps (the browser holds none). */
export const renewsAtBackend = (config: ResolvedConfig): boolean =>
  config.tokenEndpoint !== undefined && config.flow === 'code' && config.profile.refresh;

/**
 * Tells the app's backend that this browser starts the sign-in of `state` (`action=start`: it sets
 * its session cookie and will redeem the code only for this browser), or signs out (`action=logout`:
 * it revokes the refresh token it kept where the provider can, and clears its cookie).
 * @see https://datatracker.ietf.org/doc/html/draft-ietf-oauth-browser-based-apps#section-6.2.2.1
 */
export async function tellBackend(
  endpoint: string,
  form: { action: 'start'; state: string } | { action: 'logout' },
  signal?: AbortSignal,
): Promise<void> {
  const response = await send(endpoint, {
    method: 'POST',
    body: new URLSearchParams(form),
    credentials: 'include',
    signal,
  });
  if (!response.ok) throw providerError(response.status, await jsonObjectOf(response), `the backend's ${form.action}`);
}
