import type { ProviderMetadata } from './discovery.js';
import { OAuthError } from './errors.js';

/** The parameters of an authorization response. */
export interface CallbackParams {
  state: string;
  code: string | undefined;
  iss: string | undefined;
  error: string | undefined;
  errorDescription: string | undefined;
}

const responseParams = ['code', 'state', 'iss', 'error', 'error_description', 'error_uri', 'session_state'];

/**
 * The authorization response in a URL's query, or `null` when the URL is no callback.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2
 */
export function readCallback(href: string): CallbackParams | null {
  const query = new URL(href).searchParams;
  if (!query.has('state') || !(query.has('code') || query.has('error'))) return null;
  for (const name of responseParams) {
    if (query.getAll(name).length > 1) {
      throw new OAuthError('invalid_callback', `the callback repeats the parameter ${name}`);
    }
  }
  const value = (name: string): string | undefined => query.get(name) ?? undefined;
  return {
    state: query.get('state') ?? '',
    code: value('code'),
    iss: value('iss'),
    error: value('error'),
    errorDescription: value('error_description'),
  };
}

/** The URL without the authorization response's parameters, for `history.replaceState`. */
export function withoutCallbackParams(href: string): string {
  const url = new URL(href);
  for (const name of responseParams) url.searchParams.delete(name);
  return url.href;
}

/**
 * Checks the issuer of an authorization response and turns a provider's error into an {@link OAuthError}.
 * @see https://www.rfc-editor.org/rfc/rfc9207#section-2.4
 */
export function checkCallback(params: CallbackParams, metadata: ProviderMetadata): string {
  if (params.iss !== undefined || metadata.authorization_response_iss_parameter_supported) {
    if (params.iss !== metadata.issuer) {
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
  if (!params.code) throw new OAuthError('invalid_callback', 'the callback has no code');
  return params.code;
}
