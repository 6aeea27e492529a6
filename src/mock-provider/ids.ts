import { randomToken } from '../core/random.js';

// The mock's identifiers and hashes are the core's: one base64url, one SHA-256.
export { sha256 } from '../core/random.js';

/** A random base64url identifier of `size` bytes. */
export const randomId = (size = 24): string => randomToken(size);
