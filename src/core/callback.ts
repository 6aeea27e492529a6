import type { ProviderMetadata } from './discovery.js';
import { OAuthError } from './errors.js';

/**
 * The parameters of an authorization response, from the query (code flow) or the fragment (implicit).
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.2.2
 */
export interface CallbackParams {
  in: 'query' | 'fragment';
  state: string | undefined;
  code: string | undefined;
  iss: string | undefined;
  error: string | undefined;
  errorDescription: string | undefined;
  accessToken: string | undefined;
  tokenType: string | undefined;
  expiresIn: string | undefined;
  idToken: string | undefined;
  scope: string | undefined;
}

const responseParams = [
  'code', 'state', 'iss', 'error', 'error_description', 'error_uri', 'session_state',
  'access_token', 'token_type', 'expires_in', 'id_token', 'scope',
];
const maxLength = 4096;

function paramsOf(source: URLSearchParams, where: CallbackParams['in'], stateless: boolean): CallbackParams | null {
  const carries = source.has('code') || source.has('error') || source.has('access_token');
  if (!carries) return null;
  if (!source.has('state') && !stateless) throw new OAuthError('invalid_state', 'the authorization response has no state');
  for (const name of responseParams) {
    const values = source.getAll(name);
    if (values.length > 1) throw new OAuthError('invalid_callback', `the callback repeats the parameter ${name}`);
    if ((values[0]?.length ?? 0) > maxLength) throw new OAuthError('invalid_callback', `the callback's ${name} is too long`);
  }
  const value = (name: string): string | undefined => source.get(name) ?? undefined;
  return {
    in: where,
    state: value('state'),
    code: value('code'),
    iss: value('iss'),
    error: value('error'),
    errorDescription: value('error_description'),
    accessToken: value('access_token'),
    tokenType: value('token_type'),
    expiresIn: value('expires_in'),
    idToken: value('id_token'),
    scope: value('scope'),
  };
}

/**
 * The authorization response in a URL, or `null` when the URL is no callback. A provider that
 * echoes no `state` (`stateless`) is recognised by its code or error alone.
 */
export function readCallback(href: string, stateless = false): CallbackParams | null {
  const url = new URL(href);
  const query = paramsOf(url.searchParams, 'query', stateless);
  const fragment = paramsOf(new URLSearchParams(url.hash.slice(1)), 'fragment', stateless);
  if (query && fragment) throw new OAuthError('invalid_callback', 'the callback carries a response in both query and fragment');
  return query ?? fragment;
}

/** The URL without the authorization response, for `history.replaceState`. */
export function withoutCallbackParams(href: string): string {
  const url = new URL(href);
  for (const name of responseParams) url.searchParams.delete(name);
  const fragment = new URLSearchParams(url.hash.slice(1));
  if (responseParams.some((name) => fragment.has(name))) url.hash = '';
  return url.href;
}

/**
 * Checks the issuer of an authorization response and turns a provider's error into an {@link OAuthError}.
 * @see https://www.rfc-editor.org/rfc/rfc9207#section-2.4
 */
export function checkCallback(params: CallbackParams, metadata: ProviderMetadata): void {
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

/**
 * The token response of an implicit-flow callback, in the fragment only.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.2.2
 */
export function implicitTokenOf(params: CallbackParams): Record<string, unknown> {
  if (params.in !== 'fragment') throw new OAuthError('invalid_callback', 'an implicit-flow response must come in the fragment');
  if (params.code !== undefined) throw new OAuthError('invalid_callback', 'an implicit-flow response carries a code');
  const expiresIn = params.expiresIn === undefined ? undefined : Number(params.expiresIn);
  return {
    access_token: params.accessToken,
    token_type: params.tokenType,
    ...(expiresIn === undefined ? {} : { expires_in: Number.isFinite(expiresIn) ? expiresIn : params.expiresIn }),
    ...(params.idToken === undefined ? {} : { id_token: params.idToken }),
    ...(params.scope === undefined ? {} : { scope: params.scope }),
  };
}
