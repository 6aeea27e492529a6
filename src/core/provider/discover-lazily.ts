import type { ProviderMetadata } from './discovery.js';

/**
 * Fetches the issuer's OpenID configuration once and caches it (see `discovery.ts`). It loads with the sign-in's
 * code on the first call: an app's bundler that follows the core's index into `discovery.ts` would put
 * discovery in the page's first load, and a chunk of its own would split the sign-in's further.
 * @see https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderConfigurationValidation
 */
export async function discover(issuer: string, signal?: AbortSignal): Promise<ProviderMetadata> {
  return (await import('../sign-in/sign-in-parts.js')).discover(issuer, signal);
}
