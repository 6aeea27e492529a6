/** How a confidential client authenticates at the token endpoint. @see https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1 */
export type ClientAuthMethod = 'client_secret_post' | 'client_secret_basic';

/**
 * The form fields and headers that authenticate a client: the secret in the body, or HTTP Basic
 * with both parts form-encoded first, as RFC 6749 asks.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1
 */
export function clientAuthentication(
  clientId: string,
  clientSecret: string,
  method: ClientAuthMethod = 'client_secret_post',
): { form: Record<string, string>; headers: Record<string, string> } {
  if (method === 'client_secret_post')
    return { form: { client_id: clientId, client_secret: clientSecret }, headers: {} };
  const encode = (value: string): string => new URLSearchParams({ v: value }).toString().slice(2);
  return { form: {}, headers: { authorization: `Basic ${btoa(`${encode(clientId)}:${encode(clientSecret)}`)}` } };
}
