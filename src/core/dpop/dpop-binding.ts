import type { ProviderMetadata } from '../provider/discovery.js';
import { OAuthError } from '../errors.js';
import type { SignInContext } from '../client-context.js';
import type { TokenResponse } from '../provider/token-response.js';

/**
 * Makes a DPoP client's downgrade to Bearer loud: a Bearer answer to a request with a proof is
 * refused (`invalid_token_response`) when the provider advertises DPoP, and also when it does not,
 * unless the app allows the fallback (`dpop: 'prefer'`); `true` then, for the caller to announce it (`dpop-fallback`).
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-5
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-5.1
 */
export function checkBinding(ctx: SignInContext, metadata: ProviderMetadata, response: TokenResponse): boolean {
  if (!ctx.dpop || response.token_type.toLowerCase() === 'dpop') return false;
  if (metadata.dpop_signing_alg_values_supported?.length) {
    throw new OAuthError(
      'invalid_token_response',
      `the token response is ${response.token_type}, not DPoP, from a provider that offers DPoP`,
    );
  }
  if (ctx.config.dpop !== 'prefer') {
    throw new OAuthError(
      'invalid_token_response',
      `the token response is ${response.token_type}, not DPoP (dpop: 'prefer' takes it)`,
    );
  }
  return true;
}
