import type { ProviderMetadata } from '../provider/discovery.js';
import { OAuthError } from '../errors.js';
import { DpopFallbackEvent } from '../events.js';
import type { SignInContext } from '../client-context.js';
import type { TokenResponse } from '../provider/token-response.js';

/**
 * Makes a DPoP client's downgrade to Bearer loud: a Bearer answer to a request with a proof is
 * refused (`invalid_token_response`) when the provider advertises DPoP, and also when it does not,
 * unless the app allows the fallback (`dpop: 'prefer'`), which is then announced (`dpop-fallback`).
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-5
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-5.1
 */
export function checkBinding(ctx: SignInContext, metadata: ProviderMetadata, response: TokenResponse): TokenResponse {
  if (!ctx.dpop || response.token_type.toLowerCase() === 'dpop') return response;
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
  ctx.notify?.(new DpopFallbackEvent(response.token_type));
  return response;
}
