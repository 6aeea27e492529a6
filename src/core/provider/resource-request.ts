import type { DpopSigner } from '../dpop/dpop-signer.js';
import { absoluteIssuer, type ResolvedConfig } from '../config.js';
import { OAuthError } from '../errors.js';
import { send } from './http.js';
import { sendWithToken } from './send-with-token.js';
import type { Session } from '../session.js';

/**
 * Whether `client.fetch()` may attach the token to `url`: only at the page's origin, the issuer's,
 * and the origins the app lists (`resourceOrigins`); a token sent anywhere else could be replayed there.
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-5.3
 */
export function carriesToken(config: Pick<ResolvedConfig, 'issuer' | 'resourceOrigins'>, url: URL): boolean {
  const origins = config.resourceOrigins.map((origin) => {
    const parsed = URL.canParse(origin) ? new URL(origin) : undefined;
    if (parsed?.href !== `${parsed?.origin}/`)
      throw new OAuthError('invalid_config', `resourceOrigins: ${origin} is not an origin`);
    return parsed.origin;
  });
  return [location.origin, new URL(absoluteIssuer(config.issuer)).origin, ...origins].includes(url.origin);
}

/**
 * `client.fetch()`: the request with a valid access token where {@link carriesToken} allows it, without one elsewhere.
 * `session` renews the token first when it is about to expire.
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-2.1
 */
export async function fetchResource(
  config: Pick<ResolvedConfig, 'issuer' | 'resourceOrigins'>,
  url: URL,
  init: RequestInit,
  session: () => Promise<Session | null>,
  dpop?: DpopSigner,
): Promise<Response> {
  if (!carriesToken(config, url)) return send(url, init);
  const current = await session();
  if (!current) throw new OAuthError('login_required', 'nobody is signed in');
  return sendWithToken(url, init, current, dpop);
}
