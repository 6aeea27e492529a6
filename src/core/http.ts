import { OAuthError } from './errors.js';

/** `fetch` that turns a failed connection or an abort into an {@link OAuthError}. */
export async function send(url: string | URL, init: RequestInit = {}): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (cause) {
    if (init.signal?.aborted) throw new OAuthError('aborted', 'the request was aborted', { cause });
    throw new OAuthError('network_error', `could not reach ${new URL(url).origin}`, { cause });
  }
}

/** The JSON body of a response, or `undefined` when it is not a JSON object. */
export async function jsonObjectOf(response: Response): Promise<Record<string, unknown> | undefined> {
  try {
    const body: unknown = await response.json();
    return body !== null && typeof body === 'object' && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The error a provider sent in an error response, kept on an {@link OAuthError}.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 */
export function providerError(status: number, body: Record<string, unknown> | undefined, what: string): OAuthError {
  const error = typeof body?.['error'] === 'string' ? body['error'] : undefined;
  const description = typeof body?.['error_description'] === 'string' ? body['error_description'] : undefined;
  return new OAuthError('provider_error', `${what} failed with ${status}${error ? ` (${error})` : ''}`, {
    error,
    errorDescription: description,
    status,
  });
}
