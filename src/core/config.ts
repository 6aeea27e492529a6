import { OAuthError } from './errors.js';

/** How the authorization request is carried: a full-page redirect or a popup window. */
export type LoginMode = 'redirect' | 'popup';

/** What a page tells the kit about its provider and itself. */
export interface ClientConfig {
  /** The issuer identifier; a path such as `/mock/oidc` is resolved against the page. */
  issuer: string;
  clientId: string;
  /** Space-separated scopes; `openid` asks for an id_token. */
  scope?: string;
  /** Where the provider sends the user back; defaults to the page's origin and path. */
  redirectUri?: string;
  /** The default for {@link LoginMode}. */
  mode?: LoginMode;
  /** Seconds of clock difference tolerated when checking token times. */
  clockSkew?: number;
  /** How long a popup may stay open, in milliseconds. */
  popupTimeout?: number;
}

/** A configuration with its defaults filled. */
export interface ResolvedConfig {
  issuer: string;
  clientId: string;
  scope: string;
  redirectUri: string | undefined;
  mode: LoginMode;
  clockSkew: number;
  popupTimeout: number;
}

const loopback = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Checks a configuration and fills its defaults; a client secret is refused in the browser.
 * @see https://datatracker.ietf.org/doc/html/draft-ietf-oauth-browser-based-apps#section-6.2
 */
export function resolveConfig(config: ClientConfig): ResolvedConfig {
  if (!config || typeof config !== 'object') throw new TypeError('createClient needs a configuration object');
  if ('clientSecret' in config || 'client_secret' in config) {
    throw new OAuthError(
      'secret_in_browser',
      'a client secret must never reach the browser: run confidential flows with oauth-elements/server',
    );
  }
  if (typeof config.issuer !== 'string' || config.issuer === '') throw new TypeError('issuer must be a URL');
  if (typeof config.clientId !== 'string' || config.clientId === '') throw new TypeError('clientId is required');
  if (/^https?:/.test(config.issuer) || globalThis.location) absoluteIssuer(config.issuer);
  if (config.mode !== undefined && config.mode !== 'redirect' && config.mode !== 'popup') {
    throw new TypeError('mode is "redirect" or "popup"');
  }
  return {
    issuer: config.issuer,
    clientId: config.clientId,
    scope: config.scope?.trim() || 'openid',
    redirectUri: config.redirectUri,
    mode: config.mode ?? 'redirect',
    clockSkew: config.clockSkew ?? 30,
    popupTimeout: config.popupTimeout ?? 5 * 60_000,
  };
}

/** The absolute issuer: https, or http on a loopback host only. */
export function absoluteIssuer(issuer: string): string {
  const url = new URL(issuer, globalThis.location?.href);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback.has(url.hostname))) {
    throw new TypeError(`issuer ${url.href} must use https`);
  }
  return url.href.replace(/\/$/, '');
}
