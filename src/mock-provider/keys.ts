import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';
import { randomId } from './ids.js';

/** A signing key of the mock provider, made with jose at start. */
export interface SigningKey {
  kid: string;
  alg: 'ES256';
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  publicJwk: JWK;
}

/** A fresh ES256 key pair with its public JWK. @see https://www.rfc-editor.org/rfc/rfc7517 */
export async function createSigningKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const kid = randomId(8);
  return {
    kid,
    alg: 'ES256',
    privateKey,
    publicKey,
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' },
  };
}

/** Signs claims as a JWT of the given type. @see https://www.rfc-editor.org/rfc/rfc7519 */
export function signJwt(key: SigningKey, claims: JWTPayload, typ = 'JWT'): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: key.alg, kid: key.kid, typ }).sign(key.privateKey);
}
