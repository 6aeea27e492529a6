// The provider's metadata: OpenID discovery, fetched once per issuer and kept in the tab cache, or the profile's endpoints
// for a provider without it (`metadataOf`), with the configuration's on top.
import { absoluteIssuer, configuredIssuer, type ResolvedConfig } from '../config.js';
import { OAuthError } from '../errors.js';
import { jsonObjectOf, providerError, send } from './http.js';
import { fromTab, toTab } from '../storage/tab-cache.js';
import { keyOf } from '../storage/keys.js';

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
  /** Not a discovery field: the provider's own token endpoint when `token_endpoint` is the app's backend (DPoP proofs name it). */
  provider_token_endpoint?: string;
  dpop_signing_alg_values_supported?: string[];
}

const cache = new Map<string, Promise<ProviderMetadata>>();

/**
 * Fetches the issuer's OpenID configuration once and caches it; the `issuer` it names must be the configured one
 * (see {@link checkedIssuer}), and is kept as the document spells it.
 * @see https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderConfigurationValidation
 */
export function discover(issuer: string, signal?: AbortSignal): Promise<ProviderMetadata> {
  let pending = cache.get(issuer);
  if (!pending) {
    const kept = fromTab<ProviderMetadata>(keyOf('discovery', issuer));
    pending = kept?.issuer ? Promise.resolve(kept) : fetchMetadata(issuer, signal);
    pending.then(
      (metadata) => kept || toTab(keyOf('discovery', issuer), metadata),
      () => cache.delete(issuer),
    );
    cache.set(issuer, pending);
  }
  return pending;
}

async function fetchMetadata(issuer: string, signal?: AbortSignal): Promise<ProviderMetadata> {
  // One trailing slash removed, then the well-known path (OpenID Connect Discovery 1.0 §4.1).
  const url = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
  const response = await send(url, { headers: { accept: 'application/json' }, signal });
  const body = await jsonObjectOf(response);
  if (!response.ok) throw providerError(response.status, body, 'discovery');
  if (!body) throw new OAuthError('invalid_discovery', 'the discovery document is not a JSON object');
  await checkedIssuer(issuer, body['issuer']);
  for (const field of ['authorization_endpoint', 'token_endpoint'] as const) {
    if (typeof body[field] !== 'string') throw new OAuthError('invalid_discovery', `discovery lacks ${field}`);
  }
  return body as unknown as ProviderMetadata;
}

/**
 * The issuer a discovery document names, if it is the configured one: the same string, or the same but for a
 * trailing slash (Auth0's `https://TENANT.auth0.com/` configured without it, or the other way round). From then
 * on the document's exact string is the one responses are checked against; any other is `invalid_discovery`.
 * @see https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderConfigurationValidation
 * @see https://www.rfc-editor.org/rfc/rfc8414#section-3.3
 */
export async function checkedIssuer(configured: string, named: unknown): Promise<string> {
  if (typeof named === 'string' && named.replace(/\/$/, '') === configured.replace(/\/$/, '')) return named;
  // Entra's common/organizations/consumers metadata names a {tenantid} template (tenant-issuer.ts, loaded for it).
  if ((await import('./tenant-issuer.js')).isTenantTemplateOf(named, configured)) return named as string;
  throw new OAuthError(
    'invalid_discovery',
    `discovery names issuer "${named}", not "${configured}": set issuer to "${named}"`,
  );
}

/**
 * The issuer that the authorization response's `iss` and the id_token's `iss` must equal: the metadata's own string.
 * @see https://www.rfc-editor.org/rfc/rfc9207#section-2.4
 * @see https://openid.net/specs/openid-connect-core-1_0.html#IDTokenValidation
 */
export function expectedIssuer(metadata: Pick<ProviderMetadata, 'issuer'>): string {
  return metadata.issuer;
}

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
