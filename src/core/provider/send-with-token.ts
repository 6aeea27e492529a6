import type { DpopSigner } from '../dpop/dpop-signer.js';
import { send } from './http.js';

/**
 * Sends a request with an access token in the Authorization header: a DPoP-bound token with a
 * fresh proof (and the server's nonce when it asks), any other as a Bearer token.
 * @see https://www.rfc-editor.org/rfc/rfc6750#section-2.1
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-7.1
 */
export async function sendWithToken(
  url: string | URL,
  init: RequestInit,
  token: { accessToken: string; tokenType: string },
  dpop?: DpopSigner,
): Promise<Response> {
  const bound = dpop !== undefined && token.tokenType.toLowerCase() === 'dpop';
  const headers = new Headers(init.headers);
  headers.set('authorization', `${bound ? 'DPoP' : 'Bearer'} ${token.accessToken}`);
  const authorized = { ...init, headers };
  // A DPoP-bound token's proofs: their code loads only for it, as for the token request.
  if (!bound) return send(url, authorized);
  return (await import('../dpop/send-with-proof.js')).sendWithProof(dpop, url, authorized, send, token.accessToken);
}
