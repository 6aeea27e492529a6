import { base64url, decodeJwt, decodeProtectedHeader, SignJWT, UnsecuredJWT, type JWTPayload } from 'jose';
import type { IdTokenFault, TokenFault } from './control.js';
import { signJwt, type SigningKey } from './keys.js';
import { tooManyRequests } from './rate-limit.js';
import { json, noStore, oauthError } from './responses.js';

/** The response a scripted token fault gives instead of the real one. */
export function tokenFaultResponse(fault: TokenFault, retryAfter = 1, now = Date.now()): Response {
  switch (fault) {
    case 'rate_limited':
      return tooManyRequests(60, now + retryAfter * 1000, now);
    case 'server_error':
      return oauthError('server_error', 'the provider failed', 500);
    case 'malformed':
      return new Response('{"access_token": "half', {
        status: 200,
        headers: { 'content-type': 'application/json', ...noStore },
      });
    case 'invalid_grant':
      return oauthError('invalid_grant', 'scripted: the grant is invalid');
    case 'wrong_token_type':
      return json({ access_token: 'scripted', token_type: 'mac', expires_in: 60 }, 200, noStore);
    case 'no_access_token':
      return json({ token_type: 'Bearer', expires_in: 60 }, 200, noStore);
  }
}

/**
 * An id_token spoiled as the scenario asks, for the client's checks to refuse.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#IDTokenValidation
 */
export async function spoilIdToken(idToken: string, fault: IdTokenFault, key: SigningKey): Promise<string> {
  const claims: JWTPayload = decodeJwt(idToken);
  const header = decodeProtectedHeader(idToken);
  switch (fault) {
    case 'bad_signature': {
      const [head, body, signature = ''] = idToken.split('.');
      const flipped = signature.startsWith('A') ? `B${signature.slice(1)}` : `A${signature.slice(1)}`;
      return `${head}.${body}.${flipped}`;
    }
    case 'alg_none':
      return new UnsecuredJWT(claims).encode();
    case 'hs256_public_key':
      return new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256', kid: header.kid ?? '' })
        .sign(new TextEncoder().encode(JSON.stringify(key.publicJwk)));
    case 'unknown_kid':
      return signJwt({ ...key, kid: base64url.encode(crypto.getRandomValues(new Uint8Array(8))) }, claims);
    case 'wrong_nonce':
      return signJwt(key, { ...claims, nonce: 'not-the-nonce' });
    case 'wrong_iss':
      return signJwt(key, { ...claims, iss: 'https://evil.example' });
    case 'wrong_aud':
      return signJwt(key, { ...claims, aud: 'another-client' });
    case 'wrong_at_hash':
      return signJwt(key, { ...claims, at_hash: 'AAAAAAAAAAAAAAAAAAAAAA' });
    case 'other_tenant':
      // Entra's iss names a tenant; here another than the token's own tid (an issuer template's substitution must use tid).
      return signJwt(key, {
        ...claims,
        iss: String(claims.iss).replace(String(claims['tid']), '00000000-0000-4000-8000-000000000000'),
      });
    case 'expired':
      return signJwt(key, { ...claims, iat: Number(claims.iat) - 7200, exp: Number(claims.iat) - 3600 });
    case 'other_sub':
      return signJwt(key, { ...claims, sub: claims.sub === 'bob' ? 'alice' : 'bob' });
    case 'future_iat':
      return signJwt(key, { ...claims, iat: Number(claims.iat) + 86_400, exp: Number(claims.exp) + 86_400 });
  }
}
