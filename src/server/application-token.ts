import { createHash } from 'node:crypto';
import { invalidConfig, OAuthError } from '../core/errors.js';
import { jsonObjectOf, send, timeoutSignal } from '../core/provider/http.js';
import { required, urlOption } from './options.js';

/** Options of {@link applicationToken}. */
export interface ApplicationTokenOptions {
  /** redguy's application-token endpoint, absolute (`https://api.redguy.ru/v1/token/issue`). */
  endpoint: string;
  appId: string;
  /** The application secret; only its md5 with the timestamp is sent. */
  secret: string;
  /** Numeric scopes separated by spaces (`1 2`). */
  scope: string;
  /** A name for the token, shown to the application's owner. */
  name: string;
  /** How long the request may take, in milliseconds; 30 s unless set. */
  requestTimeout?: number;
}

/** An application token as redguy issues it. */
export interface ApplicationToken {
  id: string;
  token: string;
}

/**
 * redguy's application-token flow: posts `{app, secret: md5(secret + ts), ts, scope, name}` and
 * unwraps the `{code, comment, response}` envelope. A non-zero code is an `OAuthError`
 * (`provider_error`) whose `error` is the code and `errorDescription` the comment.
 * @see https://www.rfc-editor.org/rfc/rfc1321
 */
export async function applicationToken(options: ApplicationTokenOptions): Promise<ApplicationToken> {
  required(options, 'endpoint', 'appId', 'secret', 'name');
  if (typeof options.scope !== 'string') throw invalidConfig('scope is required');
  const ts = Math.floor(Date.now() / 1000);
  const secret = createHash('md5').update(`${options.secret}${ts}`).digest('hex');
  const endpoint = urlOption(options.endpoint, 'endpoint').href;
  const response = await send(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ app: options.appId, secret, ts, scope: options.scope, name: options.name }),
    signal: timeoutSignal(options.requestTimeout ?? 30_000),
  });
  const body = await jsonObjectOf(response);
  const code = body?.['code'];
  const comment = typeof body?.['comment'] === 'string' ? body['comment'] : undefined;
  if (code !== 0) {
    throw new OAuthError(
      'provider_error',
      `the application-token request failed with ${response.status}${comment ? `: ${comment}` : ''}`,
      {
        error: typeof code === 'number' || typeof code === 'string' ? String(code) : undefined,
        errorDescription: comment,
        status: response.status,
      },
    );
  }
  const issued = body?.['response'] as Record<string, unknown> | null | undefined;
  const id = issued?.['id'];
  const token = issued?.['token'];
  if ((typeof id !== 'string' && typeof id !== 'number') || typeof token !== 'string' || token === '') {
    throw new OAuthError('invalid_token_response', 'the application-token response has no id and token');
  }
  return { id: String(id), token };
}
