import type { DpopSigner } from '../dpop/dpop-signer.js';
import { jsonObjectOf, providerError, retryAfterOf, send } from './http.js';
import { checkTokenResponse, type TokenResponse } from './token-response.js';

/** How the client posts a grant to the backend: with its session cookie, and DPoP proofs for the provider's token endpoint. */
export interface BackendRequest {
  credentials: RequestCredentials;
  /** The URL a DPoP proof names (`htu`): the provider's token endpoint, where the backend forwards the proof. */
  proofUrl: string;
}

/** The longest `Retry-After` the kit waits for once before giving up. */
const maxRetryAfter = 10;

/**
 * Posts a grant to the token endpoint and checks the response before anyone may keep it; `headers`
 * carry a server's client authentication (`client_secret_basic`). Posted to the app's backend
 * (`backend`), the request carries its cookie and DPoP proofs name the provider's token endpoint.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.3
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1
 */
export async function requestToken(
  tokenEndpoint: string,
  params: Record<string, string>,
  signal?: AbortSignal,
  dpop?: DpopSigner,
  headers: Record<string, string> = {},
  backend?: BackendRequest,
): Promise<TokenResponse> {
  const init: RequestInit = {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', ...headers },
    body: new URLSearchParams(params),
    signal,
    ...(backend ? { credentials: backend.credentials } : {}),
  };
  // A DPoP client's proofs: their code loads only for it.
  const post = async (): Promise<Response> =>
    dpop
      ? (await import('../dpop/send-with-proof.js')).sendWithProof(
          dpop,
          tokenEndpoint,
          init,
          send,
          undefined,
          backend?.proofUrl,
        )
      : send(tokenEndpoint, init);
  let response = await post();
  const wait = response.status === 429 ? retryAfterOf(response) : undefined;
  if (wait !== undefined && wait <= maxRetryAfter) {
    // RFC 6585 §4: one polite retry after the time the provider asked for, never more.
    await new Promise((resolve) => setTimeout(resolve, wait * 1000));
    response = await post();
  }
  const body = await jsonObjectOf(response);
  if (!response.ok) throw providerError(response.status, body, 'the token request');
  return checkTokenResponse(body, dpop !== undefined);
}
