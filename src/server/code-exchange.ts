import { profileOf } from '../core/config.js';
import { invalidConfig } from '../core/errors.js';
import type { ProfileId, ProviderProfile } from '../core/profiles/index.js';
import { readBody } from './body.js';
import type { ClientAuthMethod } from './client-authentication.js';
import { required, urlOption } from './options.js';
import { mediateTokens, refusal, type Mediation } from './token-mediation.js';
import { memorySessionStore, type SessionStore } from './session-store.js';
import { defaultCookieName, sessionCookie } from './session-cookie.js';

/** Options of {@link codeExchangeHandler}. */
export interface CodeExchangeOptions {
  /** The provider's profile: its token path, extra token parameters and whether it takes `grant_type` and PKCE. */
  profile?: ProfileId | ProviderProfile;
  /** With a profile, the provider's base URL: the token endpoint is the profile's path below it. */
  issuer?: string;
  /** The provider's token endpoint, absolute; overrides the profile's. The browser's DPoP proofs name this URL. */
  tokenEndpoint?: string;
  /** The provider's revocation endpoint (RFC 7009), absolute; the profile's if it has one. Logout revokes the refresh token there. */
  revocationEndpoint?: string;
  clientId: string;
  clientSecret: string;
  /** The one redirect URI the browser may name; any is relayed unless set. */
  redirectUri?: string;
  /** The origins of the pages that may post here; every other request is refused (CSRF). */
  allowedOrigins: string[];
  /** `client_secret_post` (the seeds' way) unless set. */
  authMethod?: ClientAuthMethod;
  /** How long the provider may take, in milliseconds; 30 s unless set. */
  requestTimeout?: number;
  /** Where the sessions live; one process's memory ({@link memorySessionStore}) unless set. */
  sessionStore?: SessionStore;
  /** The session cookie's name; `__Host-oauth-elements-<client_id>` unless set. */
  cookieName?: string;
  /** How long a signed-in session (and its refresh token) is kept, in seconds; 7 days unless set. Best: the refresh token's lifetime. */
  sessionLifetime?: number;
  /** How long a started sign-in may take, in seconds; 10 minutes unless set. */
  signInLifetime?: number;
  /** The largest body read, in bytes; 16 KiB unless set. A larger one is refused with 413. */
  maxBodyBytes?: number;
  /** How long the body may take to arrive, in milliseconds; 10 s unless set. A slower one is refused with 408. */
  bodyTimeout?: number;
}

/** A fetch-style route handler. */
export type FetchHandler = (request: Request) => Promise<Response>;

function endpointOf(options: CodeExchangeOptions, path: string | undefined): string | undefined {
  if (!path) return undefined;
  if (/^https?:/.test(path)) return urlOption(path, "the profile's endpoint").href;
  if (!options.issuer) return undefined;
  return urlOption(`${options.issuer.replace(/\/$/, '')}${path}`, 'issuer').href;
}

/**
 * The app's token-mediating backend for a browser client whose provider needs a client secret. One
 * route (POST, form-encoded, from the app's origins only) serves the kit's client, which posts here
 * whenever its `tokenEndpoint` names this route:
 * - `action=start&state=…` before each sign-in: the backend notes the sign-in under an `HttpOnly;
 *   Secure; SameSite=Strict` session cookie, which it sets if the browser has none;
 * - `grant_type=authorization_code` with `code`, `state`, `redirect_uri`: redeemed only for a browser
 *   whose cookie started that sign-in; the backend adds the secret and the profile's extra parameters
 *   (gearcode's `resource_id`, no `grant_type` for phpapi), keeps the refresh token in its session
 *   store under a new cookie, and answers the access token and id_token only;
 * - `grant_type=refresh_token` without a refresh token: the backend refreshes with the one it keeps
 *   for the cookie's session;
 * - `action=logout`: the backend revokes the refresh token where the provider can, and forgets the session.
 *
 * The method and the Origin are checked before the body is read; the body is read up to
 * `maxBodyBytes` (413 above) within `bodyTimeout` (408). A `DPoP` proof the browser signed for the
 * provider's token endpoint is checked and forwarded, so tokens that pass here are bound as well.
 * @see https://datatracker.ietf.org/doc/html/draft-ietf-oauth-browser-based-apps#section-6.2
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.3
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-4.3
 */
export function codeExchangeHandler(options: CodeExchangeOptions): FetchHandler {
  required(options, 'clientId', 'clientSecret');
  if (!Array.isArray(options.allowedOrigins) || options.allowedOrigins.length === 0)
    throw invalidConfig('allowedOrigins names the origins of the app');
  const profile = options.profile === undefined ? undefined : profileOf(options.profile);
  const tokenEndpoint = options.tokenEndpoint
    ? urlOption(options.tokenEndpoint, 'tokenEndpoint').href
    : endpointOf(options, profile?.endpoints?.token);
  if (!tokenEndpoint) throw invalidConfig('give tokenEndpoint, or a profile with a token path and its issuer');
  const origins = new Set(options.allowedOrigins.map((origin) => urlOption(origin, 'allowedOrigins').origin));
  const maxBodyBytes = options.maxBodyBytes ?? 16 * 1024;
  const bodyTimeout = options.bodyTimeout ?? 10_000;
  const mediation: Mediation = {
    ...options,
    profile,
    tokenEndpoint,
    revocationEndpoint: options.revocationEndpoint
      ? urlOption(options.revocationEndpoint, 'revocationEndpoint').href
      : endpointOf(options, profile?.endpoints?.revocation),
    store: options.sessionStore ?? memorySessionStore(),
    cookie: sessionCookie(options.cookieName ?? defaultCookieName(options.clientId)),
    sessionLifetime: options.sessionLifetime ?? 7 * 86_400,
    signInLifetime: options.signInLifetime ?? 600,
    inflight: new Map(),
  };

  return async (request) => {
    const origin = request.headers.get('origin');
    const allowed = origin !== null && origins.has(origin);
    const cors: Record<string, string> = allowed
      ? {
          'access-control-allow-origin': origin,
          'access-control-allow-credentials': 'true',
          'access-control-expose-headers': 'dpop-nonce, retry-after, www-authenticate',
          vary: 'origin',
        }
      : { vary: 'origin' };
    // Method and Origin first: nothing of the body is read for a request that will be refused anyway.
    if (request.method !== 'POST' && request.method !== 'OPTIONS')
      return refusal(405, 'invalid_request', 'use POST', { allow: 'POST', ...cors });
    // A form post is a simple request any site can send; only the Origin tells the app's pages from others.
    if (!allowed)
      return refusal(
        403,
        'invalid_request',
        origin ? `requests from ${origin} are not allowed` : 'the request has no Origin',
      );
    if (request.method === 'OPTIONS') {
      return new Response(null, {
        status: 204,
        headers: {
          ...cors,
          'access-control-allow-methods': 'POST',
          'access-control-allow-headers': 'content-type, dpop',
          'access-control-max-age': '600',
        },
      });
    }
    if (!request.headers.get('content-type')?.startsWith('application/x-www-form-urlencoded')) {
      return refusal(400, 'invalid_request', 'send an application/x-www-form-urlencoded body', cors);
    }
    const text = await readBody(request, maxBodyBytes, bodyTimeout);
    if (typeof text !== 'string') return refusal(text.status, 'invalid_request', text.description, cors);
    const form = new URLSearchParams(text);
    if ([...new Set(form.keys())].some((name) => form.getAll(name).length > 1))
      return refusal(400, 'invalid_request', 'a parameter is repeated', cors);
    const clientId = form.get('client_id');
    if (clientId !== null && clientId !== options.clientId)
      return refusal(400, 'invalid_client', 'this route serves another client', cors);
    return mediateTokens(mediation, request, form, cors);
  };
}
