import type { ResolvedConfig } from './config.js';
import type { ProviderMetadata } from './discovery.js';
import { jsonObjectOf, providerError, send } from './http.js';

// The kit's side of oauth-elements/server's token-mediating backend: used when `tokenEndpoint` is set.

/** How the client posts a grant to the backend: with its session cookie, and DPoP proofs for the provider's token endpoint. */
export interface BackendRequest {
  credentials: RequestCredentials;
  /** The URL a DPoP proof names (`htu`): the provider's token endpoint, where the backend forwards the proof. */
  proofUrl: string;
}

/** The backend's request options when the client's token endpoint is the app's backend, else `undefined`. */
export function backendRequestOf(config: ResolvedConfig, metadata: ProviderMetadata): BackendRequest | undefined {
  if (config.tokenEndpoint === undefined) return undefined;
  return { credentials: 'include', proofUrl: metadata.provider_token_endpoint ?? metadata.token_endpoint };
}

/** Whether the backend renews the session with the refresh token it keeps (the browser holds none). */
export const renewsAtBackend = (config: ResolvedConfig): boolean => config.tokenEndpoint !== undefined && config.flow === 'code' && config.profile.refresh;

async function post(endpoint: string, form: Record<string, string>, what: string, signal?: AbortSignal): Promise<void> {
  const response = await send(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
    credentials: 'include',
    signal,
  });
  if (!response.ok) throw providerError(response.status, await jsonObjectOf(response), what);
}

/**
 * Tells the backend that this browser starts the sign-in of `state`: it sets its session cookie,
 * and will redeem the code only for this browser.
 * @see https://datatracker.ietf.org/doc/html/draft-ietf-oauth-browser-based-apps#section-6.2.2.1
 */
export function startAtBackend(endpoint: string, state: string, signal?: AbortSignal): Promise<void> {
  return post(endpoint, { action: 'start', state }, 'the backend’s sign-in start', signal);
}

/**
 * Ends the backend's session: it revokes the refresh token where the provider can and clears its cookie.
 * @see https://datatracker.ietf.org/doc/html/draft-ietf-oauth-browser-based-apps#section-6.2.2.1
 */
export async function logoutAtBackend(endpoint: string, signal?: AbortSignal): Promise<boolean> {
  try {
    await post(endpoint, { action: 'logout' }, 'the backend’s logout', signal);
    return true;
  } catch {
    return false;
  }
}
