import { revokeToken } from './provider/revocation.js';
import { tellBackend } from './provider/backend.js';
import type { Session } from './session.js';
import type { SignInContext } from './client-context.js';

// Loaded by the client on sign-out, once the session is cleared here.

/** Options of `OAuthClient.logout`. */
export interface LogoutOptions {
  /** Also end the provider's session by sending the user to its end-session endpoint. */
  endSession?: boolean;
  /** Where the provider returns after ending its session (registered at the provider). */
  postLogoutRedirectUri?: string;
  /** Stops waiting for the provider's revocation endpoint; the session is cleared all the same. */
  signal?: AbortSignal;
}

/**
 * Revokes a cleared session's tokens where the provider allows it, and where asked ends the
 * provider's session too, sending the user to its end-session endpoint. With the app's backend, its
 * session ends first: it revokes the refresh token it kept and clears its cookie.
 * @see https://www.rfc-editor.org/rfc/rfc7009#section-2.1
 * @see https://openid.net/specs/openid-connect-rpinitiated-1_0.html#RPLogout
 */
export async function signOutAtProvider(ctx: SignInContext, session: Session, options: LogoutOptions): Promise<void> {
  const metadata = await ctx.metadata(options.signal).catch(() => undefined);
  if (ctx.config.tokenEndpoint && metadata) await tellBackend(metadata.token_endpoint, { action: 'logout' }, options.signal).catch(() => undefined);
  const revocation = metadata?.revocation_endpoint;
  if (revocation) {
    if (session.refreshToken) await revokeToken(revocation, ctx.config.clientId, session.refreshToken, 'refresh_token', options.signal);
    await revokeToken(revocation, ctx.config.clientId, session.accessToken, 'access_token', options.signal);
  }
  const endSession = metadata?.end_session_endpoint;
  if (options.endSession && endSession) {
    const url = new URL(endSession);
    url.searchParams.set('client_id', ctx.config.clientId);
    if (session.idToken) url.searchParams.set('id_token_hint', session.idToken);
    if (options.postLogoutRedirectUri) url.searchParams.set('post_logout_redirect_uri', options.postLogoutRedirectUri);
    location.assign(url);
  }
}
