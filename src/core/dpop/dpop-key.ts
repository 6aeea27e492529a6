import type { DpopSigner } from './dpop-signer.js';
import { base64url, randomToken, sha256 } from '../random.js';
import type { KeyValueStore } from '../storage/store.js';
import { storedKey } from '../storage/stored-key.js';
import { keyOf } from '../storage/keys.js';

// Loaded by `dpop.ts` on the first proof, so that pages without DPoP never download it.

const keyName = (): string => keyOf('key', 'dpop');
const algorithm = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const json64 = (value: unknown): string => base64url(new TextEncoder().encode(JSON.stringify(value)));
const isKeyPair = (value: unknown): value is CryptoKeyPair =>
  typeof value === 'object' &&
  value !== null &&
  (value as CryptoKeyPair).privateKey instanceof CryptoKey &&
  (value as CryptoKeyPair).publicKey instanceof CryptoKey;

/** `htu`: the request URL without query and fragment. @see https://www.rfc-editor.org/rfc/rfc9449#section-4.2 */
function htuOf(url: string | URL): string {
  const target = new URL(url, globalThis.location?.href);
  return `${target.origin}${target.pathname}`;
}

/**
 * A DPoP signer whose ES256 key pair lives in `store`, its private key non-extractable.
 * @see https://www.rfc-editor.org/rfc/rfc9449
 */
export function keyedDpopSigner(store: KeyValueStore): DpopSigner {
  const nonces = new Map<string, string>();
  let keys: Promise<{ pair: CryptoKeyPair; jwk: JsonWebKey }> | undefined;
  const keysOf = () =>
    (keys ??= storedKey(
      store,
      keyName(),
      () => crypto.subtle.generateKey(algorithm, false, ['sign', 'verify']),
      isKeyPair,
    ).then(async (pair) => {
      const { kty, crv, x, y } = await crypto.subtle.exportKey('jwk', pair.publicKey);
      return { pair, jwk: { kty, crv, x, y } };
    }));
  return {
    async proof(method, url, accessToken) {
      const { pair, jwk } = await keysOf();
      const nonce = nonces.get(new URL(url, globalThis.location?.href).origin);
      const header = json64({ typ: 'dpop+jwt', alg: 'ES256', jwk });
      const payload = json64({
        jti: randomToken(16),
        htm: method.toUpperCase(),
        htu: htuOf(url),
        iat: Math.floor(Date.now() / 1000),
        ...(accessToken === undefined ? {} : { ath: await sha256(accessToken) }),
        ...(nonce === undefined ? {} : { nonce }),
      });
      const signature = await crypto.subtle.sign(
        { name: 'ECDSA', hash: 'SHA-256' },
        pair.privateKey,
        new TextEncoder().encode(`${header}.${payload}`),
      );
      return `${header}.${payload}.${base64url(new Uint8Array(signature))}`;
    },
    async wantsNonce(response, url) {
      const nonce = response.headers.get('dpop-nonce');
      if (!nonce) return false;
      nonces.set(new URL(url ?? response.url, globalThis.location?.href).origin, nonce);
      // RFC 9449 §8 (token endpoint: a 400 error) and §9 (resource server: a 401 challenge).
      if (response.status === 401) return /error="use_dpop_nonce"/.test(response.headers.get('www-authenticate') ?? '');
      if (response.status !== 400) return false;
      const body: unknown = await response
        .clone()
        .json()
        .catch(() => undefined);
      return (body as { error?: unknown } | undefined)?.error === 'use_dpop_nonce';
    },
    async thumbprint() {
      const { jwk } = await keysOf();
      // RFC 7638 §3.2: the required members in lexicographic order.
      return sha256(JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y }));
    },
    async forget() {
      keys = undefined;
      nonces.clear();
      await store.delete(keyName());
    },
  };
}
