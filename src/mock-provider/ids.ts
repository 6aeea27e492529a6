import { base64url, randomToken } from '../core/random.js';

// The mock's identifiers and hashes are the core's: one base64url, one SHA-256.
export { sha256 } from '../core/random.js';

/** A random base64url identifier of `size` bytes. */
export const randomId = (size = 24): string => randomToken(size);

/**
 * The `at_hash` of an ES256 id_token: base64url of the left half (16 bytes) of SHA-256 of the access
 * token; not the first 22 characters of the whole hash's base64url, whose last one carries bits of the other half.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#CodeIDToken
 */
export async function leftHalfSha256(value: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(value)));
  return base64url(digest.slice(0, 16));
}
