import { base64url } from '../random.js';

const hashOf: Record<string, string> = {
  RS256: 'SHA-256',
  PS256: 'SHA-256',
  ES256: 'SHA-256',
  ES384: 'SHA-384',
  EdDSA: 'SHA-512',
};

/**
 * The `at_hash` of an access token for an id_token signed with `alg`: the left half of its hash.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#ImplicitIDTValidation
 */
export async function atHashOf(accessToken: string, alg: string): Promise<string | undefined> {
  const hash = hashOf[alg];
  if (!hash) return undefined;
  const digest = new Uint8Array(await crypto.subtle.digest(hash, new TextEncoder().encode(accessToken)));
  return base64url(digest.slice(0, digest.length / 2));
}
