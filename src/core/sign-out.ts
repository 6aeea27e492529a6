import { revokeToken } from './provider/revocation.js';
import { tellBackend } from './provider/backend.js';
import type { ResolvedConfig } from './config.js';
import type { ProviderMetadata } from './provider/discovery.js';
import { OAuthError } from './errors.js';
import type { Session } from './session.js';
import type { ClientContext, SignInContext } from './client-context.js';

// Loaded by the client on sign-out, once the session is cleared here.

/** Options of `OAuthClient.logout`. */
export interface LogoutOptions {
  /** Also end the provider's session by sending the user to its logout endpoint, where it has one. */
  endSession?: boolean;
  /** Where the provider returns after ending its session (registered at the provider: Auth0's `returnTo`, Cognito's `logout_uri`). */
  postLogoutRedirectUri?: string;
  /** Stops waiting for the provider's revocation endpoint; the session is cleared all the same. */
  signal?: AbortSignal;
}

/** What a sign-out did beyond this browser. */
export interface LogoutResult {
  /** Whether the provider's revocation endpoint accepted every token of the session. */
  revoked: boolean;
  /**
   * `ending`: the page is on its way to the provider's logout endpoint; `alive`: the provider's
   * session still stands (the next sign-in may pass without a password); `unknown`: nobody was signed in here.
   */
  providerSession: 'ending' | 'alive' | 'unknown';
  /** Whether the provider lets the app end its session: `logout({ endSession: true })` would. */
  canEndSession: boolean;
}

/** Refuses, before anything is cleared, a sign-out the provider would refuse: Cognito's `/logout` needs its `logout_uri`. */
export function checkLogout(config: ResolvedConfig, options: LogoutOptions): void {
  const own = config.profile.logout;
  if (options.endSession && own?.returnToRequired && !options.postLogoutRedirectUri) {
    throw new OAuthError(
      'invalid_config',
      `${config.profile.name} ends its session only with a return address: pass postLogoutRedirectUri (its ${own.returnTo})`,
    );
  }
}

/**
 * The URL that ends the provider's session, in the provider's own terms: a profile's logout endpoint
 * outside the metadata (Cognito's `/logout` with `logout_uri`, Auth0's `/v2/logout` with `returnTo`),
 * else RP-Initiated Logout's `end_session_endpoint` with `id_token_hint` and `post_logout_redirect_uri`.
 * @see https://openid.net/specs/openid-connect-rpinitiated-1_0.html#RPLogout
 */
export function endSessionUrl(
  ctx: SignInContext,
  metadata: ProviderMetadata | undefined,
  session: Session,
  returnTo: string | undefined,
): URL | undefined {
  const own = ctx.config.profile.logout;
  if (own && metadata?.authorization_endpoint) {
    const url = new URL(own.path, metadata.authorization_endpoint);
    url.searchParams.set(own.clientId, ctx.config.clientId);
    if (returnTo) url.searchParams.set(own.returnTo, returnTo);
    return url;
  }
  if (!metadata?.end_session_endpoint) return undefined;
  const url = new URL(metadata.end_session_endpoint);
  url.searchParams.set('client_id', ctx.config.clientId);
  if (session.idToken) url.searchParams.set('id_token_hint', session.idToken);
  if (returnTo) url.searchParams.set('post_logout_redirect_uri', returnTo);
  return url;
}

/**
 * `OAuthClient.logout`: refuses first what the provider would refuse, clears the session (here and in
 * the other tabs) and the DPoP key, then signs out at the provider ({@link signOutAtProvider}).
 * `current` is the session as the client has loaded it.
 */
export async function signOut(
  ctx: ClientContext,
  options: LogoutOptions,
  current: () => Promise<Session | null>,
): Promise<LogoutResult> {
  checkLogout(ctx.config, options);
  const session = await current();
  await ctx.sessions.write(null);
  await ctx.dpop?.forget();
  if (!session) return { revoked: false, providerSession: 'unknown', canEndSession: false };
  return signOutAtProvider(ctx, session, options);
}

/**
 * Revokes a cleared session's tokens where the provider allows it and, where asked and possible,
 * ends the provider's session too, sending the user to its logout endpoint; says which it did. With
 * the app's backend, its session ends first: it revokes the refresh token it kept and clears its cookie.
 * @see https://www.rfc-editor.org/rfc/rfc7009#section-2.1
 * @see https://openid.net/specs/openid-connect-rpinitiated-1_0.html#RPLogout
 */
export async function signOutAtProvider(
  ctx: SignInContext,
  session: Session,
  options: LogoutOptions,
): Promise<LogoutResult> {
  const metadata = await ctx.metadata(options.signal).catch(() => undefined);
  if (ctx.config.tokenEndpoint && metadata)
    await tellBackend(metadata.token_endpoint, { action: 'logout' }, options.signal).catch(() => undefined);
  const revocation = metadata?.revocation_endpoint;
  let revoked = false;
  if (revocation) {
    const refresh = session.refreshToken
      ? await revokeToken(revocation, ctx.config.clientId, session.refreshToken, 'refresh_token', options.signal)
      : true;
    revoked =
      (await revokeToken(revocation, ctx.config.clientId, session.accessToken, 'access_token', options.signal)) &&
      refresh;
  }
  const url = endSessionUrl(ctx, metadata, session, options.postLogoutRedirectUri);
  if (options.endSession && url) {
    location.assign(url);
    return { revoked, providerSession: 'ending', canEndSession: true };
  }
  return { revoked, providerSession: 'alive', canEndSession: url !== undefined };
}
