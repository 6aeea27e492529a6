import { base64url, randomToken } from '../core/random.js';
import { invalidConfig } from '../core/errors.js';

/**
 * The backend's session cookie: `__Host-` (Secure, `Path=/`, no `Domain`), `HttpOnly` so no script
 * reads it, `SameSite=Strict` so no other site's page sends it. Browsers treat `http://localhost` as
 * a secure context and keep Secure cookies there too.
 * @see https://datatracker.ietf.org/doc/html/draft-ietf-oauth-browser-based-apps#section-6.1.3.2
 * @see https://www.rfc-editor.org/rfc/rfc6265#section-4.1
 */
export interface SessionCookie {
  name: string;
  /** The cookie's value in `request`, if it has one. */
  read(request: Request): string | undefined;
  /** A `Set-Cookie` value for a new session that lives `maxAge` seconds. */
  set(value: string, maxAge: number): string;
  /** A `Set-Cookie` value that removes it. */
  clear(): string;
}

/** The default cookie name of a client: one per client, so routes for several clients on one origin keep theirs apart. */
export const defaultCookieName = (clientId: string): string =>
  `__Host-oauth-elements-${clientId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64)}`;

/** The session cookie called `name`. */
export function sessionCookie(name: string): SessionCookie {
  if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(name)) throw invalidConfig(`${name} is not a cookie name`);
  const attributes = 'Path=/; HttpOnly; Secure; SameSite=Strict';
  return {
    name,
    read(request) {
      for (const pair of (request.headers.get('cookie') ?? '').split(';')) {
        const at = pair.indexOf('=');
        if (at > 0 && pair.slice(0, at).trim() === name) return pair.slice(at + 1).trim() || undefined;
      }
      return undefined;
    },
    set: (value, maxAge) => `${name}=${value}; ${attributes}; Max-Age=${Math.max(0, Math.floor(maxAge))}`,
    clear: () => `${name}=; ${attributes}; Max-Age=0`,
  };
}

/** A new session id: 32 random bytes. */
export const newSessionId = (): string => randomToken(32);

/** The store key of a session id: its SHA-256, so the store never holds what the browser sends. */
export async function sessionKey(id: string): Promise<string> {
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(id))));
}
