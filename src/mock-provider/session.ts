import type { EndpointContext } from './context.js';
import { randomId } from './ids.js';
import type { ProviderSession } from './state.js';

const cookieName = 'mock_session';

/** The cookie attributes: script cannot read it, it goes along on top-level navigations, and only to this profile. */
function attributes(ctx: EndpointContext): string {
  return `HttpOnly; SameSite=Lax; Path=${new URL(ctx.issuer).pathname}`;
}

/**
 * The provider session of the user-agent that sent `request`, read from its cookie.
 * @see https://openid.net/specs/openid-connect-session-1_0.html
 */
export function cookieSessionOf(ctx: EndpointContext, request: Request): ProviderSession | undefined {
  const cookies = request.headers.get('cookie')?.split(/;\s*/) ?? [];
  const id = cookies.find((cookie) => cookie.startsWith(`${cookieName}=`))?.slice(cookieName.length + 1);
  return id ? ctx.state.sessions.get(id) : undefined;
}

/**
 * Starts a provider session for `sub` and returns the `Set-Cookie` value that carries it.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#Authenticates
 */
export function startSession(ctx: EndpointContext, sub: string): string {
  const session: ProviderSession = { id: randomId(), sub, authTime: Math.floor(ctx.now() / 1000) };
  ctx.state.sessions.set(session.id, session);
  return `${cookieName}=${session.id}; ${attributes(ctx)}`;
}

/**
 * Ends the provider session of the user-agent, if any, and returns the `Set-Cookie` value that clears its cookie.
 * @see https://openid.net/specs/openid-connect-rpinitiated-1_0.html#RPLogout
 */
export function endSession(ctx: EndpointContext, request: Request): string {
  const session = cookieSessionOf(ctx, request);
  if (session) ctx.state.sessions.delete(session.id);
  return `${cookieName}=; Max-Age=0; ${attributes(ctx)}`;
}

/**
 * Remembers that `sub` granted `scope` to a client, so a later `prompt=none` needs no consent page.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#Consent
 */
export function recordConsent(ctx: EndpointContext, sub: string, clientId: string, scope: string): void {
  const key = JSON.stringify([sub, clientId]);
  const granted = ctx.state.consents.get(key) ?? new Set<string>();
  for (const item of scope.split(' ').filter(Boolean)) granted.add(item);
  ctx.state.consents.set(key, granted);
}

/**
 * Whether `sub` has already granted every scope of `scope` to the client.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#AuthRequest
 */
export function hasConsent(ctx: EndpointContext, sub: string, clientId: string, scope: string): boolean {
  const granted = ctx.state.consents.get(JSON.stringify([sub, clientId]));
  return (
    granted !== undefined &&
    scope
      .split(' ')
      .filter(Boolean)
      .every((item) => granted.has(item))
  );
}

/**
 * Answers `prompt=none` without a page: the signed-in user when they already granted `scope` to
 * the client, else the error to send back; `undefined` when the request does not say `prompt=none`.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#AuthError
 */
export function silentSignIn(
  ctx: EndpointContext,
  request: Request,
  clientId: string,
  scope: string,
  prompt: string | undefined,
): ProviderSession | { error: string; description: string } | undefined {
  const values = prompt?.split(' ').filter(Boolean) ?? [];
  if (!values.includes('none')) return undefined;
  if (values.length > 1)
    return { error: 'invalid_request', description: 'prompt=none cannot be combined with other values' };
  const session = cookieSessionOf(ctx, request);
  if (!session) return { error: 'login_required', description: 'no one is signed in at the provider' };
  if (!hasConsent(ctx, session.sub, clientId, scope))
    return { error: 'consent_required', description: 'the user has not granted this client the requested scope' };
  return session;
}
