/** A random base64url identifier of `size` bytes. */
export function randomId(size = 24): string {
  const bytes = crypto.getRandomValues(new Uint8Array(size));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** base64url(SHA-256(value)), as PKCE S256 and hashes of tokens use it. @see https://www.rfc-editor.org/rfc/rfc7636#section-4.6 */
export async function sha256(value: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(value)));
  return btoa(String.fromCharCode(...digest)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * The `at_hash` of an ES256 id_token: base64url of the left half (16 bytes) of SHA-256 of the access
 * token; not the first 22 characters of the whole hash's base64url, whose last one carries bits of the other half.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#CodeIDToken
 */
export async function leftHalfSha256(value: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(value)));
  return btoa(String.fromCharCode(...digest.slice(0, 16))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
