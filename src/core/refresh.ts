import { expectedIssuer } from './discovery.js';
import { timeoutSignal } from './http.js';
import { sessionOf, type Session } from './session.js';
import type { SignInContext } from './sign-in.js';
import { requestToken } from './token-endpoint.js';

/**
 * Trades the refresh token for a new token set. A rotated refresh token replaces the old one; a
 * new id_token must be about the same user.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-6
 * @see https://openid.net/specs/openid-connect-core-1_0.html#RefreshTokenResponse
 */
export async function refreshSession(ctx: SignInContext, session: Session & { refreshToken: string }, signal?: AbortSignal): Promise<Session> {
  const metadata = await ctx.metadata(signal);
  const response = await requestToken(
    metadata.token_endpoint,
    { grant_type: 'refresh_token', refresh_token: session.refreshToken, client_id: ctx.config.clientId },
    timeoutSignal(ctx.config.requestTimeout, signal),
    ctx.dpop,
  );
  let user = session.user;
  if (response.id_token && metadata.jwks_uri) {
    const claims = await (await import('./id-token.js')).verifyIdToken(response.id_token, {
      issuer: expectedIssuer(metadata),
      clientId: ctx.config.clientId,
      jwksUri: metadata.jwks_uri,
      clockSkew: ctx.config.clockSkew,
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
