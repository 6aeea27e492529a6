import type { EndpointContext } from './context.js';
import type { MockClient } from './state.js';

/**
 * Whether a redirect URI is one the client registered: exactly, or (panel's
 * `require_exact_redirect_uri: false`) on a registered one's origin with its path as a prefix.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-3.1.2.3
 */
export function redirectAllowed(client: MockClient, uri: string): boolean {
  if (client.redirect_uris.includes(uri)) return true;
  if (client.require_exact_redirect_uri !== false || !URL.canParse(uri)) return false;
  const asked = new URL(uri);
  return client.redirect_uris.some((registered) => {
    const base = new URL(registered);
    const prefix = base.pathname.endsWith('/') ? base.pathname : `${base.pathname}/`;
    return asked.origin === base.origin && !asked.hash && (asked.pathname === base.pathname || asked.pathname.startsWith(prefix));
  });
}

/**
 * The scope to grant: the requested one (the profile's default when none), plus the profile's
 * default scopes; `undefined` when the client may not have one of them.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-3.3
 */
export function grantedScope(ctx: EndpointContext, client: MockClient, requested: string | undefined): string | undefined {
  const scopes = new Set((requested ?? ctx.settings.defaultScope ?? 'openid').split(' ').filter(Boolean));
  for (const definition of ctx.settings.scopes ?? []) if (definition.default) scopes.add(definition.id);
  const allowed = new Set(client.scope.split(' '));
  return [...scopes].every((scope) => allowed.has(scope)) ? [...scopes].join(' ') : undefined;
}
