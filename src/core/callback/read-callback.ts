import { OAuthError } from '../errors.js';
import { carriesResponse, responseParams, type CallbackParams } from './callback-url.js';

// With the sign-in's code: a page load only asks whether its URL is a callback (callback-url.ts).

const maxLength = 4096;

function paramsOf(source: URLSearchParams, where: CallbackParams['in']): CallbackParams | null {
  if (!carriesResponse(source)) return null;
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
