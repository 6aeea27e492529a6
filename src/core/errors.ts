/** Stable codes for every way a sign-in, a token request or the store can fail. */
export type OAuthErrorCode =
  | 'invalid_state'
  | 'iss_mismatch'
  | 'invalid_callback'
  | 'provider_error'
  | 'access_denied'
  | 'invalid_token_response'
  | 'invalid_id_token'
  | 'invalid_discovery'
  | 'network_error'
  | 'popup_blocked'
  | 'popup_closed'
  | 'popup_timeout'
  | 'storage_unavailable'
  | 'login_required'
  | 'user_mismatch'
  | 'secret_in_browser'
  | 'invalid_config'
  | 'aborted';

/** Details kept from the provider's error response (RFC 6749 §4.1.2.1, §5.2). */
export interface OAuthErrorOptions {
  error?: string;
  errorDescription?: string;
  status?: number;
  cause?: unknown;
}

/**
 * The one error class of the kit: `code` is stable, `error`/`errorDescription` are the provider's.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 */
export class OAuthError extends Error {
  override readonly name = 'OAuthError';
  readonly code: OAuthErrorCode;
  readonly error: string | undefined;
  readonly errorDescription: string | undefined;
  readonly status: number | undefined;

  constructor(code: OAuthErrorCode, message: string, options: OAuthErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.error = options.error;
    this.errorDescription = options.errorDescription;
    this.status = options.status;
  }
}

/** True when `value` is an {@link OAuthError}, optionally with the given code. */
export function isOAuthError(value: unknown, code?: OAuthErrorCode): value is OAuthError {
  return value instanceof OAuthError && (code === undefined || value.code === code);
}

/** A mistake in the configuration or the arguments the app gave, found where it is made. */
export const invalidConfig = (message: string): OAuthError => new OAuthError('invalid_config', message);
