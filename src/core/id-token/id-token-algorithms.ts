/** Asymmetric algorithms only: `none` and HMAC with a public key can never pass. */
export const idTokenAlgorithms = ['RS256', 'PS256', 'ES256', 'ES384', 'EdDSA'];
