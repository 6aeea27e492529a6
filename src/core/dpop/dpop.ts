import type { KeyValueStore } from '../storage/store.js';
import type { DpopSigner } from './dpop-signer.js';

/**
 * A DPoP signer whose ES256 key pair lives in `store`, its private key non-extractable. The signing
 * code loads on first use, so a client without DPoP, or before its first proof, does not carry it.
 * @see https://www.rfc-editor.org/rfc/rfc9449
 */
export function dpopSigner(store: KeyValueStore): DpopSigner {
  let signer: Promise<DpopSigner> | undefined;
  const loaded = (): Promise<DpopSigner> =>
    (signer ??= import('./dpop-key.js').then((module) => module.keyedDpopSigner(store)));
  return {
    proof: async (method, url, accessToken) => (await loaded()).proof(method, url, accessToken),
    wantsNonce: async (response, url) => (await loaded()).wantsNonce(response, url),
    thumbprint: async () => (await loaded()).thumbprint(),
    forget: async () => (await loaded()).forget(),
  };
}
