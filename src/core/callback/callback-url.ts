// Every page load asks whether its URL is a callback and scrubs the response from it before any sign-in code loads;
// the sign-in's code reads the response (read-callback.ts), checks it (callback.ts) and judges its state
// (sign-in/callback-state.ts).

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

export const responseParams = [
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
/** Whether `source` carries an authorization response: a code, an error or a token. */
export const carriesResponse = (source: URLSearchParams): boolean =>
  source.has('code') || source.has('error') || source.has('access_token');

/**
 * Whether a URL is a callback: an authorization response in its query or its fragment. The response itself is
 * read by the sign-in's code (`read-callback.ts`).
 */
export function isCallback(href: string): boolean {
  const url = new URL(href);
  return carriesResponse(url.searchParams) || carriesResponse(new URLSearchParams(url.hash.slice(1)));
}

/** The URL without the authorization response, for `history.replaceState`. */
export function withoutCallbackParams(href: string): string {
  const url = new URL(href);
  for (const name of responseParams) url.searchParams.delete(name);
  const fragment = new URLSearchParams(url.hash.slice(1));
  if (responseParams.some((name) => fragment.has(name))) url.hash = '';
  return url.href;
}
