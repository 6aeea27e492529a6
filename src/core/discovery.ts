import { OAuthError } from './errors.js';
import { jsonObjectOf, providerError, send } from './http.js';
import { fromTab, toTab } from './tab-cache.js';
import { isTenantTemplateOf } from './tenant-issuer.js';

/**
 * The provider metadata the kit reads.
 * @see https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderMetadata
 * @see https://www.rfc-editor.org/rfc/rfc8414#section-2
 */
export interface ProviderMetadata {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri?: string;
  userinfo_endpoint?: string;
  revocation_endpoint?: string;
  end_session_endpoint?: string;
  registration_endpoint?: string;
  code_challenge_methods_supported?: string[];
  authorization_response_iss_parameter_supported?: boolean;
  id_token_signing_alg_values_supported?: string[];
  pushed_authorization_request_endpoint?: string;
  require_pushed_authorization_requests?: boolean;
}

const cache = new Map<string, Promise<ProviderMetadata>>();

/**
 * Fetches the issuer's OpenID configuration once and caches it; the `issuer` it names must be ours.
 * @see https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderConfigurationValidation
 */
export function discover(issuer: string, signal?: AbortSignal): Promise<ProviderMetadata> {
  let pending = cache.get(issuer);
  if (!pending) {
    const kept = fromTab<ProviderMetadata>(`discovery:${issuer}`);
    pending = kept?.issuer === issuer ? Promise.resolve(kept) : fetchMetadata(issuer, signal);
    pending.then((metadata) => kept || toTab(`discovery:${issuer}`, metadata), () => cache.delete(issuer));
    cache.set(issuer, pending);
  }
  return pending;
}

async function fetchMetadata(issuer: string, signal?: AbortSignal): Promise<ProviderMetadata> {
  const url = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
  const response = await send(url, { headers: { accept: 'application/json' }, signal });
  const body = await jsonObjectOf(response);
  if (!response.ok) throw providerError(response.status, body, 'discovery');
  if (!body) throw new OAuthError('invalid_discovery', 'the discovery document is not a JSON object');
  // Entra's common/organizations metadata names a {tenantid} template (tenant-issuer.ts); the trailing-slash
  // case stands in for issue 13's issuer identity (helper A), which replaces it.
  if (body['issuer'] !== issuer && body['issuer'] !== `${issuer}/` && !isTenantTemplateOf(body['issuer'], issuer)) {
    throw new OAuthError('invalid_discovery', `the discovery document names another issuer than ${issuer}`);
  }
  for (const field of ['authorization_endpoint', 'token_endpoint'] as const) {
    if (typeof body[field] !== 'string') throw new OAuthError('invalid_discovery', `discovery lacks ${field}`);
  }
  return body as unknown as ProviderMetadata;
}
