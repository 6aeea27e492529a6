import { expectedIssuer, type ProviderMetadata } from '../provider/discovery.js';
import { OAuthError } from '../errors.js';
import type { CallbackParams } from './callback-url.js';

/**
 * Checks the issuer of an authorization response and turns a provider's error into an {@link OAuthError}.
 * @see https://www.rfc-editor.org/rfc/rfc9207#section-2.4
 */
export function checkCallback(params: CallbackParams, metadata: ProviderMetadata): void {
  if (params.iss !== undefined || metadata.authorization_response_iss_parameter_supported) {
    if (params.iss !== expectedIssuer(metadata)) {
      throw new OAuthError('iss_mismatch', 'the authorization response comes from another issuer');
    }
  }
  if (params.error !== undefined) {
    const code = params.error === 'access_denied' ? 'access_denied' : 'provider_error';
    throw new OAuthError(code, `the provider answered ${params.error}`, {
      error: params.error,
      errorDescription: params.errorDescription,
    });
  }
}

/**
 * The code of a code-flow response; a token beside it or a response in the fragment is refused.
 * @see https://www.rfc-editor.org/rfc/rfc9700#section-4.1
 */
export function codeOf(params: CallbackParams): string {
  if (params.in !== 'query') throw new OAuthError('invalid_callback', 'a code-flow response must come in the query');
  if (params.accessToken !== undefined || params.idToken !== undefined) {
    throw new OAuthError('invalid_callback', 'a code-flow response carries a token');
  }
  if (!params.code) throw new OAuthError('invalid_callback', 'the callback has no code');
  return params.code;
}
