import { sessionOf, type Session } from '../session.js';
import type { SignInContext } from '../client-context.js';
import { requestGrant } from '../sign-in/sign-in-finish.js';
import { verifyClientIdToken } from '../id-token/client-id-token.js';

/**
 * Trades the refresh token for a new token set. A rotated refresh token replaces the old one; a
 * new id_token must be about the same user. Through the app's backend, the browser holds no refresh
 * token: the backend refreshes with the one it keeps for the session cookie.
 * @see https://datatracker.ietf.org/doc/html/draft-ietf-oauth-browser-based-apps#section-6.2.2.2
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-6
 * @see https://openid.net/specs/openid-connect-core-1_0.html#RefreshTokenResponse
 */
export async function refreshSession(ctx: SignInContext, session: Session, signal?: AbortSignal): Promise<Session> {
  const metadata = await ctx.metadata(signal);
  const form: Record<string, string> = { grant_type: 'refresh_token', client_id: ctx.config.clientId };
  if (ctx.config.tokenEndpoint === undefined) form['refresh_token'] = session.refreshToken ?? '';
  const response = await requestGrant(ctx, metadata, form, signal);
  let user = session.user;
  if (response.id_token) {
    const claims = await verifyClientIdToken(ctx, metadata, response.id_token, {
      nonce: undefined,
      ...(session.user ? { sub: session.user.sub } : {}),
    });
    user = { ...session.user, ...claims };
  }
  const next = sessionOf(response, session.scope, user);
  next.refreshToken ??= session.refreshToken;
  if (!next.idToken && session.idToken) next.idToken = session.idToken;
  return next;
}
