import { calculateJwkThumbprint, type JWK } from 'jose';

/** A browser's DPoP proof the backend may forward, and the thumbprint of its key. */
export interface ForwardedProof {
  proof: string;
  jkt: string;
}

const decode = (part: string | undefined): Record<string, unknown> | undefined => {
  try {
    const value: unknown = JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
};

/**
 * The DPoP proof a browser sent to the backend, to be forwarded to the provider's token endpoint.
 * The browser signs its proof for the request the provider receives, so `htu` names the provider's
 * token endpoint, not the backend's route (RFC 9449 §4.3, checks 7 and 8 are the provider's, made
 * against its own URL); the backend checks that `htm` and `htu` name that request before it forwards
 * it, and leaves the signature, `jti`, `iat` and `nonce` to the provider. `undefined` when the
 * request carries no proof; a string says why a proof is refused.
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-4.3
 */
export async function forwardedProof(
  request: Request,
  tokenEndpoint: string,
): Promise<ForwardedProof | undefined | string> {
  const proof = request.headers.get('dpop');
  if (proof === null) return undefined;
  const parts = proof.split('.');
  if (parts.length !== 3 || proof.includes(',')) return 'the DPoP header is not one compact JWS';
  const [header, payload] = [decode(parts[0]), decode(parts[1])];
  if (header?.['typ'] !== 'dpop+jwt' || typeof header['jwk'] !== 'object' || header['jwk'] === null)
    return 'the DPoP proof has no dpop+jwt header with a jwk';
  const target = new URL(tokenEndpoint);
  if (payload?.['htm'] !== 'POST' || payload['htu'] !== `${target.origin}${target.pathname}`) {
    return `the DPoP proof must name POST ${target.origin}${target.pathname}, the provider's token endpoint`;
  }
  try {
    return { proof, jkt: await calculateJwkThumbprint(header['jwk'] as JWK) };
  } catch {
    return 'the DPoP proof has a bad jwk';
  }
}
