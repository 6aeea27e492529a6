import type { UserClaims } from './id-token.js';
import type { TokenResponse } from './token-endpoint.js';

/** A signed-in session as the kit keeps it. */
export interface Session {
  accessToken: string;
  tokenType: string;
  /** Epoch milliseconds; `undefined` when the provider gave no lifetime. */
  expiresAt: number | undefined;
  scope: string;
  refreshToken?: string;
  idToken?: string;
  user?: UserClaims;
}

/** A session from a checked token response. @see https://www.rfc-editor.org/rfc/rfc6749#section-5.1 */
export function sessionOf(response: TokenResponse, requestedScope: string, user: UserClaims | undefined, now = Date.now()): Session {
  const session: Session = {
    accessToken: response.access_token,
    tokenType: response.token_type,
    expiresAt: response.expires_in === undefined ? undefined : now + response.expires_in * 1000,
    scope: response.scope ?? requestedScope,
  };
  if (response.refresh_token) session.refreshToken = response.refresh_token;
  if (response.id_token) session.idToken = response.id_token;
  if (user) session.user = user;
  return session;
}

/** True while the access token has more than `marginSeconds` left. */
export function isFresh(session: Session, marginSeconds = 0, now = Date.now()): boolean {
  return session.expiresAt === undefined || session.expiresAt - marginSeconds * 1000 > now;
}

/** True when a stored value has the shape of a {@link Session}; anything else is treated as corrupt. */
export function isSession(value: unknown): value is Session {
  const session = value as Partial<Session> | null;
  return (
    typeof session === 'object' &&
    session !== null &&
    typeof session.accessToken === 'string' &&
    typeof session.tokenType === 'string' &&
    typeof session.scope === 'string' &&
    (session.expiresAt === undefined || typeof session.expiresAt === 'number') &&
    (session.refreshToken === undefined || typeof session.refreshToken === 'string')
  );
}
