import { OAuthError } from '../errors.js';
import type { ProviderMetadata } from '../provider/discovery.js';
import { jsonObjectOf, providerError, send } from '../provider/http.js';

/**
 * Pushes the authorization request's parameters to the provider's PAR endpoint (`invalid_config` where it
 * names none) and returns the parameters that replace them in the URL.
 * @see https://www.rfc-editor.org/rfc/rfc9126#section-2
 */
export async function pushAuthorizationRequest(
  metadata: ProviderMetadata,
  params: Record<string, string>,
  signal?: AbortSignal,
): Promise<Record<string, string>> {
  const endpoint = metadata.pushed_authorization_request_endpoint;
  if (!endpoint) throw new OAuthError('invalid_config', `${metadata.issuer} takes no pushed authorization requests`);
  const response = await send(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams(params),
    signal,
  });
  const body = await jsonObjectOf(response);
  if (!response.ok) throw providerError(response.status, body, 'the pushed authorization request');
  const requestUri = body?.['request_uri'];
  if (typeof requestUri !== 'string' || !requestUri.startsWith('urn:')) {
    throw new OAuthError('provider_error', 'the pushed authorization response has no request_uri');
  }
  return { client_id: params['client_id'] ?? '', request_uri: requestUri };
}
