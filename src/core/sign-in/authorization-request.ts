import { scopesOf, type ResolvedConfig } from '../config.js';
import type { ProviderMetadata } from '../provider/discovery.js';
import { challengeOf } from './pkce.js';
import { loadExtras } from './load-extras.js';
import type { Transaction } from './transaction.js';

/**
 * The authorization request's parameters: the code flow with PKCE S256 where the provider takes it,
 * or the implicit flow when asked for; state always, nonce whenever an id_token may come; the
 * caller's extra parameters beside them, never over them.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.1
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.3
 * @see https://openid.net/specs/openid-connect-core-1_0.html#ImplicitAuthRequest
 */
export async function authorizationParams(
  config: ResolvedConfig,
  transaction: Transaction,
  extra: Record<string, string> = {},
): Promise<Record<string, string>> {
  const openid = scopesOf(config).includes('openid');
  const params: Record<string, string> = {
    response_type: transaction.flow === 'code' ? 'code' : openid ? 'id_token token' : 'token',
    client_id: config.clientId,
    redirect_uri: transaction.redirectUri,
    state: transaction.state,
  };
  if (config.scope) params['scope'] = config.scope;
  if (openid) params['nonce'] = transaction.nonce;
  if (transaction.flow === 'code' && config.profile.pkce) {
    params['code_challenge'] = await challengeOf(transaction.verifier);
    params['code_challenge_method'] = 'S256';
  }
  // Most sign-ins carry no extras: their checks load only for one that does.
  const extras = none(config.authorizationParams) && none(extra) ? undefined : await loadExtras();
  // The configuration's and the login's extras first: what the kit sets (and a silent renewal's prompt=none) wins.
  return {
    ...extras?.checkExtraParams(config.authorizationParams, 'authorizationParams'),
    ...extras?.checkExtraParams(extra, 'login authorizationParams'),
    ...params,
  };
}

/** No extra parameters: none given, or an empty plain object; anything else goes to `checkExtraParams`. */
const none = (params: unknown): boolean =>
  params === undefined ||
  ((params as object | null)?.constructor === Object && Object.keys(params as object).length === 0);

/** The authorization URL carrying the given parameters. */
export function authorizationUrl(metadata: ProviderMetadata, params: Record<string, string>): URL {
  const url = new URL(metadata.authorization_endpoint);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url;
}
