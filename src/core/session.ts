import type { JWTPayload } from 'jose';
import type { TokenResponse } from './provider/token-response.js';

/** The claims the kit reads from an id_token or userinfo. */
export interface UserClaims extends JWTPayload {
  sub: string;
  name?: string;
  preferred_username?: string;
  email?: string;
  picture?: string;
  nonce?: string;
  azp?: string;
}

/** A signed-in session as the kit keeps it. */
export interface Session {
  accessToken: string;
  tokenType: string;
  /** Epoch milliseconds; `undefined` when the provider gave no lifetime. */
  expiresAt: number | undefined;
  /** When the token set arrived, epoch milliseconds. */
  issuedAt?: number;
  scope: string;
  refreshToken?: string;
  idToken?: string;
  user?: UserClaims;
}

/** A session from a checked token response. @see https://www.rfc-editor.org/rfc/rfc6749#section-5.1 */
export function sessionOf(
  response: TokenResponse,
  requestedScope: string,
  user: UserClaims | undefined,
  now = Date.now(),
): Session {
  const session: Session = {
    accessToken: response.access_token,
    tokenType: response.token_type,
    expiresAt: response.expires_in === undefined ? undefined : now + response.expires_in * 1000,
    issuedAt: now,
    scope: response.scope ?? requestedScope,
  };
  if (response.refresh_token) session.refreshToken = response.refresh_token;
  if (response.id_token) session.idToken = response.id_token;
  if (user) session.user = user;
  return session;
}

/**
 * When the token is due for renewal: `marginSeconds` before expiry, or half-way through its life
 * where the margin would cover all of it (else every renewed token would be due at once, forever).
 */
export function renewalDueAt(session: Session, marginSeconds = 0): number | undefined {
  if (session.expiresAt === undefined) return undefined;
  const lifetime = session.issuedAt === undefined ? Infinity : session.expiresAt - session.issuedAt;
  const margin = marginSeconds * 1000;
  return session.expiresAt - (margin >= lifetime ? lifetime / 2 : margin);
}

/** True while the access token is not yet due for renewal (see {@link renewalDueAt}). */
export function isFresh(session: Session, marginSeconds = 0, now = Date.now()): boolean {
  const due = renewalDueAt(session, marginSeconds);
  return due === undefined || due > now;
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
    (session.issuedAt === undefined || typeof session.issuedAt === 'number') &&
    (session.refreshToken === undefined || typeof session.refreshToken === 'string')
  );
}
