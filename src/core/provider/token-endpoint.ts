import { OAuthError } from '../errors.js';
import { sendWithProof } from '../dpop/dpop.js';
import type { DpopSigner } from '../dpop/dpop-signer.js';
import { jsonObjectOf, providerError, retryAfterOf, send } from './http.js';

/** How the client posts a grant to the backend: with its session cookie, and DPoP proofs for the provider's token endpoint. */
export interface BackendRequest {
  credentials: RequestCredentials;
  /** The URL a DPoP proof names (`htu`): the provider's token endpoint, where the backend forwards the proof. */
  proofUrl: string;
}

/** The longest `Retry-After` the kit waits for once before giving up. */
const maxRetryAfter = 10;

/**
 * A successful token response, checked.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.1
 */
export interface TokenResponse {
  access_token: string;
  token_type: string;
  expires_in?: number;
  refresh_token?: string;
  id_token?: string;
  scope?: string;
}

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
  const post = (): Promise<Response> =>
    dpop ? sendWithProof(dpop, tokenEndpoint, init, send, undefined, backend?.proofUrl) : send(tokenEndpoint, init);
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

/**
 * Refuses a token response that lacks a field or carries one of the wrong type; a `DPoP` token
 * only when the request carried a proof.
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-5
 */
export function checkTokenResponse(body: Record<string, unknown> | undefined, dpop = false): TokenResponse {
  const refuse = (why: string): never => {
    throw new OAuthError('invalid_token_response', `the token response ${why}`);
  };
  if (!body) return refuse('is not a JSON object');
  const { access_token, token_type, expires_in, refresh_token, id_token, scope } = body;
  if (typeof access_token !== 'string' || access_token === '') refuse('has no access_token');
  const types = dpop ? ['bearer', 'dpop'] : ['bearer'];
  if (typeof token_type !== 'string' || !types.includes(token_type.toLowerCase()))
    refuse(`is not of token_type ${dpop ? 'DPoP or ' : ''}Bearer`);
  if (expires_in !== undefined && (typeof expires_in !== 'number' || !(expires_in > 0))) refuse('has a bad expires_in');
  for (const [name, value] of Object.entries({ refresh_token, id_token, scope })) {
    if (value !== undefined && typeof value !== 'string') refuse(`has a bad ${name}`);
  }
  return body as unknown as TokenResponse;
}
