// Apart from the response checks in callback.ts and the state's in sign-in/callback-state.ts: every page load reads its URL before any sign-in code loads.
import { OAuthError } from '../errors.js';

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
  'code',
  'state',
  'iss',
  'error',
  'error_description',
  'error_uri',
  'session_state',
  'access_token',
  'token_type',
  'expires_in',
  'id_token',
  'scope',
];
const maxLength = 4096;

function paramsOf(source: URLSearchParams, where: CallbackParams['in']): CallbackParams | null {
  const carries = source.has('code') || source.has('error') || source.has('access_token');
  if (!carries) return null;
  for (const name of responseParams) {
    const values = source.getAll(name);
    if (values.length > 1) throw new OAuthError('invalid_callback', `the callback repeats the parameter ${name}`);
    if ((values[0]?.length ?? 0) > maxLength)
      throw new OAuthError('invalid_callback', `the callback's ${name} is too long`);
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
 * The authorization response in a URL, or `null` when the URL is no callback: recognised by its
 * code, error or token, each parameter once and of a bounded length, in the query or the fragment
 * but not both. Its `state` is not judged here (`sign-in/callback-state.ts` does).
 */
export function readCallback(href: string): CallbackParams | null {
  const url = new URL(href);
  const query = paramsOf(url.searchParams, 'query');
  const fragment = paramsOf(new URLSearchParams(url.hash.slice(1)), 'fragment');
  if (query && fragment)
    throw new OAuthError('invalid_callback', 'the callback carries a response in both query and fragment');
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
