import { base64url } from '../random.js';

/**
 * The `at_hash` of an access token for an id_token whose `alg` hashes with `hash`: the left half of its hash.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#ImplicitIDTValidation
 */
export async function atHashOf(accessToken: string, hash: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest(hash, new TextEncoder().encode(accessToken)));
  return base64url(digest.slice(0, digest.length / 2));
}
