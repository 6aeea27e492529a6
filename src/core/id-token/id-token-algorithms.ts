/**
 * The algorithms the kit accepts an id_token signed with: asymmetric only, so `none` and HMAC with a
 * public key never pass. The checks (`id-token.ts`) hold their own table of them, with the key type
 * each needs, so that this list costs a page no chunk of its own; a test keeps the two the same.
 */
export const idTokenAlgorithms = ['RS256', 'PS256', 'ES256', 'ES384', 'EdDSA'];
