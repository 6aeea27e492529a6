import { invalidConfig } from '../errors.js';
import { randomToken, sha256 } from '../random.js';

/**
 * A code verifier of 43 characters from 32 random bytes.
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.1
 */
export function createVerifier(): string {
  return randomToken(32);
}

/**
 * The S256 code challenge of a verifier; `plain` is never used.
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.2
 */
export async function challengeOf(verifier: string): Promise<string> {
  if (!/^[A-Za-z0-9\-._~]{43,128}$/.test(verifier)) {
    throw invalidConfig('a PKCE verifier is 43 to 128 unreserved characters');
  }
  return sha256(verifier);
}
