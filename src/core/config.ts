import { invalidConfig, OAuthError } from './errors.js';
import { profiles, type Flow, type ProfileEndpoints, type ProfileId, type ProviderProfile } from './profiles/index.js';

/** How the authorization request is carried: a full-page redirect or a popup window. */
export type LoginMode = 'redirect' | 'popup';

/** What a page tells the kit about its provider and itself. */
export interface ClientConfig {
  /** The issuer identifier, or the provider's base URL for a profile without discovery; a path is resolved against the page. */
  issuer: string;
  clientId: string;
  /** A built-in provider profile by id, or a profile of one's own; OpenID discovery (`oidc`) by default. */
  profile?: ProfileId | ProviderProfile;
  /** The flow; the profile's first by default. The implicit flow only when asked for. */
  flow?: Flow;
  /** Scopes, separated as the profile says; `openid` asks for an id_token. */
  scope?: string;
  /** Where the provider sends the user back; defaults to the page's origin and path. */
  redirectUri?: string;
  /** The default for {@link LoginMode}. */
  mode?: LoginMode;
  /** The app's own backend token endpoint (see `oauth-elements/server`), for providers whose code exchange needs a secret. */
  tokenEndpoint?: string;
  /** Endpoints that differ from the profile's (a provider with its API on another host). */
  endpoints?: Partial<ProfileEndpoints>;
  /** Seconds of clock difference tolerated when checking token times. */
  clockSkew?: number;
  /** How long a popup may stay open, in milliseconds. */
  popupTimeout?: number;
  /** Seconds before expiry at which the token is renewed. */
  renewBefore?: number;
  /** How long a request to the provider may take, in milliseconds. */
  requestTimeout?: number;
  /**
   * Bind the tokens to a key pair of this browser with DPoP (RFC 9449). A Bearer answer is refused;
   * `'prefer'` takes it from a provider that does not advertise DPoP, with a `dpop-fallback` event.
   */
  dpop?: boolean | 'prefer';
  /** Push every authorization request first (RFC 9126); by default only where the provider's metadata requires it. */
  par?: boolean;
  /** Renew a session that has no refresh token in a hidden frame with `prompt=none` (OpenID providers); on by default. */
  silentRenew?: boolean;
  /** Origins besides the page's and the issuer's that `client.fetch()` sends the token to (the app's APIs elsewhere). */
  resourceOrigins?: string[];
  /**
   * Extra authorization request parameters on every sign-in: Auth0's `audience`, Google's `access_type`,
   * `prompt`, `login_hint`, `acr_values`, `ui_locales`. The kit's own (`state`, `nonce`, PKCE,
   * `redirect_uri`, `client_id`, `response_type`, `scope`) are refused with `invalid_config` at `login()`.
   */
  authorizationParams?: Record<string, string>;
}

/** A configuration with its defaults filled. */
export interface ResolvedConfig {
  issuer: string;
  clientId: string;
  profile: ProviderProfile;
  flow: Flow;
  scope: string;
  redirectUri: string | undefined;
  mode: LoginMode;
  tokenEndpoint: string | undefined;
  endpoints: Partial<ProfileEndpoints>;
  clockSkew: number;
  popupTimeout: number;
  renewBefore: number;
  requestTimeout: number;
  dpop: boolean | 'prefer';
  par: boolean;
  silentRenew: boolean;
  resourceOrigins: string[];
  authorizationParams: Record<string, string>;
}

/** A built-in profile by id, or a profile object checked for its id; `oidc` when none is given. */
export function profileOf(profile: ClientConfig['profile']): ProviderProfile {
  if (profile === undefined) return profiles.oidc;
  if (typeof profile === 'string') {
    const found = (profiles as Record<string, ProviderProfile>)[profile];
    if (!found) throw invalidConfig(`unknown profile ${profile}; built in: ${Object.keys(profiles).join(', ')}`);
    return found;
  }
  if (typeof profile !== 'object' || typeof profile.id !== 'string')
    throw invalidConfig('profile is an id or a profile object');
  return profile;
}

/**
 * Checks a configuration and fills its defaults; a client secret is refused in the browser.
 * @see https://datatracker.ietf.org/doc/html/draft-ietf-oauth-browser-based-apps#section-6.2
 */
export function resolveConfig(config: ClientConfig): ResolvedConfig {
  if (!config || typeof config !== 'object') throw invalidConfig('createClient needs a configuration object');
  if ('clientSecret' in config || 'client_secret' in config) {
    throw new OAuthError(
      'secret_in_browser',
      'a client secret must never reach the browser: run confidential flows with oauth-elements/server',
    );
  }
  if (typeof config.issuer !== 'string' || config.issuer === '') throw invalidConfig('issuer must be a URL');
  if (typeof config.clientId !== 'string' || config.clientId === '') throw invalidConfig('clientId is required');
  if (/^https?:/.test(config.issuer) || globalThis.location) absoluteIssuer(config.issuer);
  if (config.mode !== undefined && config.mode !== 'redirect' && config.mode !== 'popup') {
    throw invalidConfig('mode is "redirect" or "popup"');
  }
  if (config.dpop !== undefined && typeof config.dpop !== 'boolean' && config.dpop !== 'prefer')
    throw invalidConfig('dpop is true, false or "prefer"');
  const profile = profileOf(config.profile);
  const flow = config.flow ?? profile.flows[0];
  if (!flow || !profile.flows.includes(flow)) {
    throw invalidConfig(
      `${profile.name} offers no ${config.flow ?? 'browser'} flow: run it with oauth-elements/server`,
    );
  }
  if (flow === 'code' && profile.codeExchange === 'backend' && !config.tokenEndpoint) {
    throw invalidConfig(
      `${profile.name} needs a client secret to exchange the code: mount oauth-elements/server's codeExchangeHandler and pass its URL as tokenEndpoint`,
    );
  }
  return {
    issuer: config.issuer,
    clientId: config.clientId,
    profile,
    flow,
    scope: config.scope?.trim() ?? profile.scope.default,
    redirectUri: config.redirectUri,
    mode: config.mode ?? 'redirect',
    tokenEndpoint: config.tokenEndpoint,
    endpoints: config.endpoints ?? {},
    clockSkew: config.clockSkew ?? 30,
    popupTimeout: config.popupTimeout ?? 5 * 60_000,
    renewBefore: config.renewBefore ?? 60,
    requestTimeout: config.requestTimeout ?? 30_000,
    dpop: config.dpop ?? false,
    par: config.par ?? false,
    silentRenew: config.silentRenew ?? true,
    resourceOrigins: config.resourceOrigins ?? [],
    // Checked where the request is built (extra-params.ts), with the code that signs in, not on every page load.
    authorizationParams: config.authorizationParams ?? {},
  };
}

const loopback = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The configured issuer as written, a path resolved against the page; https, or http on a loopback host only.
 * @see https://www.rfc-editor.org/rfc/rfc8414#section-2
 */
export function configuredIssuer(issuer: string): string {
  let url: URL;
  try {
    url = new URL(issuer, globalThis.location?.href);
  } catch {
    throw invalidConfig('issuer must be a URL');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback.has(url.hostname))) {
    throw invalidConfig(`issuer ${url.href} must use https`);
  }
  return /^https?:/i.test(issuer) ? issuer : url.href;
}

/**
 * The absolute issuer without a trailing slash: the name the kit keeps its storage under, and the base of a
 * profile's paths. Discovery compares the issuer as written ({@link configuredIssuer}).
 */
export function absoluteIssuer(issuer: string): string {
  return new URL(configuredIssuer(issuer)).href.replace(/\/$/, '');
}

/** The scopes of a configuration as a list. */
export function scopesOf(config: Pick<ResolvedConfig, 'scope' | 'profile'>): string[] {
  return config.scope
    .split(config.profile.scope.separator)
    .map((scope) => scope.trim())
    .filter(Boolean);
}
