/** Base64url without padding. @see https://www.rfc-editor.org/rfc/rfc4648#section-5 */
export function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A base64url string of `size` random bytes from the platform's CSPRNG. */
export function randomToken(size = 32): string {
  return base64url(crypto.getRandomValues(new Uint8Array(size)));
}

/**
 * base64url(SHA-256(text)): the PKCE S256 challenge, DPoP's `ath` and JWK thumbprint, and the
 * mock provider's token hashes.
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.2
 */
export async function sha256(text: string): Promise<string> {
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))));
}
