/** Signs DPoP proofs with one key pair and remembers the nonces servers hand out. */
export interface DpopSigner {
  /** A proof for one request; with `accessToken` it carries `ath` (resource requests). */
  proof(method: string, url: string | URL, accessToken?: string): Promise<string>;
  /** Keeps a `DPoP-Nonce` the response carries (for the server of `url`, the response's own by default); true when the response asks to retry with it. */
  wantsNonce(response: Response, url?: string | URL): Promise<boolean>;
  /** The key pair's JWK thumbprint, as the server binds tokens to it (`cnf.jkt`). */
  thumbprint(): Promise<string>;
  /** Forgets the key pair, so the next sign-in gets a new one. */
  forget(): Promise<void>;
}
