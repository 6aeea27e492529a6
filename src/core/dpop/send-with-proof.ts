import type { DpopSigner } from './dpop-signer.js';

/**
 * Sends a request with a fresh DPoP proof, once more with the server's nonce if it asks for one.
 * The proof names `proofUrl` when the request goes through a backend that forwards it there.
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-8
 */
export async function sendWithProof(
  signer: DpopSigner,
  url: string | URL,
  init: RequestInit,
  send: (url: string | URL, init: RequestInit) => Promise<Response>,
  accessToken?: string,
  proofUrl: string | URL = url,
): Promise<Response> {
  const attempt = async (): Promise<Response> => {
    const headers = new Headers(init.headers);
    headers.set('dpop', await signer.proof(init.method ?? 'GET', proofUrl, accessToken));
    return send(url, { ...init, headers });
  };
  const response = await attempt();
  return (await signer.wantsNonce(response, proofUrl)) ? attempt() : response;
}
