import { send } from './http.js';

/**
 * Asks the provider to revoke a token; a failure is not the user's problem at sign-out.
 * @see https://www.rfc-editor.org/rfc/rfc7009#section-2.1
 */
export async function revokeToken(
  endpoint: string,
  clientId: string,
  token: string,
  hint: 'access_token' | 'refresh_token',
  signal?: AbortSignal,
): Promise<boolean> {
  try {
    const response = await send(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token, token_type_hint: hint, client_id: clientId }),
      signal,
    });
    return response.ok;
  } catch {
    return false;
  }
}
