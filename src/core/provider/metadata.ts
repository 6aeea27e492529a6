import { absoluteIssuer, configuredIssuer, type ResolvedConfig } from '../config.js';
import { discover, type ProviderMetadata } from './discovery.js';

/**
 * The provider's endpoints: from OpenID discovery, or from the profile for a provider without it,
 * with the configuration's overrides (the app's backend token endpoint) on top.
 * @see https://openid.net/specs/openid-connect-discovery-1_0.html
 */
export async function metadataOf(config: ResolvedConfig, signal?: AbortSignal): Promise<ProviderMetadata> {
  const issuer = absoluteIssuer(config.issuer);
  const base = config.profile.discovery
    ? await discover(configuredIssuer(config.issuer), signal)
    : { issuer, authorization_endpoint: '', token_endpoint: '' };
  const endpoints = { ...config.profile.endpoints, ...config.endpoints };
  const resolve = (path: string | undefined): string | undefined =>
    path === undefined
      ? undefined
      : new URL(/^https?:/.test(path) ? path : `${issuer}${path}`, globalThis.location?.href).href;
  const metadata: ProviderMetadata = { ...base };
  const set = (field: keyof ProviderMetadata, value: string | undefined): void => {
    if (value !== undefined) (metadata as unknown as Record<string, unknown>)[field] = value;
  };
  set('authorization_endpoint', resolve(endpoints.authorization));
  set('token_endpoint', resolve(endpoints.token));
  set('userinfo_endpoint', resolve(endpoints.userinfo));
  set('revocation_endpoint', resolve(endpoints.revocation));
  set('end_session_endpoint', resolve(endpoints.endSession));
  set('jwks_uri', resolve(endpoints.jwks));
  if (config.tokenEndpoint) set('provider_token_endpoint', metadata.token_endpoint);
  set('token_endpoint', config.tokenEndpoint && new URL(config.tokenEndpoint, globalThis.location?.href).href);
  if (!config.profile.discovery) metadata.authorization_response_iss_parameter_supported = config.profile.iss;
  return metadata;
}
