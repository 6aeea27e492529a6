import { OAuthError } from '../errors.js';

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
