import type { ResolvedConfig } from './config.js';
import type { ProviderMetadata } from './discovery.js';
import { challengeOf } from './pkce.js';
import type { Transaction } from './transaction.js';

/**
 * The authorization request URL for the code flow with PKCE S256, state and nonce.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.1
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.3
 */
export async function authorizationUrl(
  metadata: ProviderMetadata,
  config: ResolvedConfig,
  transaction: Transaction,
): Promise<URL> {
  const url = new URL(metadata.authorization_endpoint);
  const params: Record<string, string> = {
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: transaction.redirectUri,
    scope: config.scope,
    state: transaction.state,
    code_challenge: await challengeOf(transaction.verifier),
    code_challenge_method: 'S256',
  };
  if (config.scope.split(' ').includes('openid')) params['nonce'] = transaction.nonce;
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url;
}
