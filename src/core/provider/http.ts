import { OAuthError } from '../errors.js';

/** `fetch` that turns a failed connection or an abort into an {@link OAuthError}. */
export async function send(url: string | URL, init: RequestInit = {}): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (cause) {
    if (init.signal?.aborted && (init.signal.reason as Error | undefined)?.name === 'TimeoutError') {
      throw new OAuthError('network_error', `${new URL(url).origin} did not answer in time`, { cause });
    }
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

/** A signal that aborts after `milliseconds`, or when `signal` does. */
export function timeoutSignal(milliseconds: number, signal?: AbortSignal): AbortSignal {
  const timeout = AbortSignal.timeout(milliseconds);
  return signal ? AbortSignal.any([signal, timeout]) : timeout;
}

/** Seconds to wait from a `Retry-After` header (seconds or an HTTP date), if it has one. @see https://www.rfc-editor.org/rfc/rfc9110#section-10.2.3 */
export function retryAfterOf(response: Response): number | undefined {
  const value = response.headers.get('retry-after');
  if (value === null) return undefined;
  const seconds = /^\d+$/.test(value.trim()) ? Number(value) : (Date.parse(value) - Date.now()) / 1000;
  return Number.isFinite(seconds) ? Math.max(0, seconds) : undefined;
}
