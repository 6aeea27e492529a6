import type { SignInContext } from '../client-context.js';
import { checkBinding } from '../dpop/dpop-binding.js';
import { backendRequestOf } from './backend.js';
import type { ProviderMetadata } from './discovery.js';
import { timeoutSignal } from './http.js';
import { requestToken, type TokenResponse } from './token-endpoint.js';

/**
 * Posts a grant (a code, a refresh) to the token endpoint, or through the app's backend where `tokenEndpoint`
 * is set, with a DPoP proof where the client binds its tokens; a Bearer answer to a DPoP client is refused.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.3
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-5
 */
export async function requestGrant(
  ctx: SignInContext,
  metadata: ProviderMetadata,
  form: Record<string, string>,
  signal?: AbortSignal,
): Promise<TokenResponse> {
  const backend = backendRequestOf(ctx.config, metadata);
  const timeout = timeoutSignal(ctx.config.requestTimeout, signal);
  return checkBinding(ctx, metadata, await requestToken(metadata.token_endpoint, form, timeout, ctx.dpop, {}, backend));
}
