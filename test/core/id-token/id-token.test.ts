import { expect } from 'chai';
import { base64url, exportJWK, generateKeyPair, SignJWT, UnsecuredJWT, type JWK } from 'jose';
import type { OAuthError } from '../../../src/core/errors.js';
import { verifyIdToken } from '../../../src/core/id-token/id-token.js';
import * as core from '../../../src/core/index.js';
import { callback, codeFlow, control, exchange, issuer, registerClient, tokenBody } from '../../_mock.js';

const expected = { issuer, clientId: 'spa', nonce: 'n-1', jwksUri: `${issuer}/jwks`, clockSkew: 0 };
const claims = { iss: issuer, aud: 'spa', sub: 'alice', nonce: 'n-1' };

async function refusal(token: string): Promise<string | undefined> {
  try {
    await verifyIdToken(token, expected);
  } catch (error) {
    return (error as OAuthError).code;
  }
  return undefined;
}

describe('id-token', () => {
  it('refuses a token signed by a key the provider does not publish', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
    expect(await refusal(token)).to.equal('invalid_id_token');
  });

  it("the core index's verifyIdToken (which loads the checks on first call) verifies and refuses as the checks do", async () => {
    expect(core.verifyIdToken).not.to.equal(verifyIdToken);
    const clientId = await registerClient([callback]);
    const { code, verifier } = await codeFlow(clientId, { nonce: 'n-1' });
    const idToken = (await tokenBody(await exchange(clientId, code, verifier)))['id_token'] as string;
    expect((await core.verifyIdToken(idToken, { ...expected, clientId })).sub).to.equal('alice');
    const refused = await core.verifyIdToken(idToken, expected).catch((error: OAuthError) => error.code);
    expect(refused).to.equal('invalid_id_token');
  });

  it('refuses alg none', async () => {
    const token = new UnsecuredJWT(claims).setIssuedAt().setExpirationTime('5m').encode();
    expect(await refusal(token)).to.equal('invalid_id_token');
  });

  it("verifies the provider's id_token, and one signed after a key rotation by fetching the JWKS again for the new kid", async () => {
    const clientId = await registerClient([callback]);
    const idTokenOf = async (): Promise<string> => {
      const { code, verifier } = await codeFlow(clientId, { nonce: 'n-1' });
      return (await tokenBody(await exchange(clientId, code, verifier)))['id_token'] as string;
    };
    const mine = { ...expected, clientId };
    expect((await verifyIdToken(await idTokenOf(), mine)).sub).to.equal('alice');
    await control({ command: 'rotate_keys' });
    expect((await verifyIdToken(await idTokenOf(), mine)).sub).to.equal('alice');
  });

  /** Keys published at a JWKS URL of the test's own (a `data:` URL, which fetch reads like any other). */
  const published = (keys: JWK[]): string => `data:application/json,${encodeURIComponent(JSON.stringify({ keys }))}`;
  const keyPair = async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    return { privateKey, jwk: { ...(await exportJWK(publicKey)), alg: 'ES256', use: 'sig' } };
  };
  const now = (): number => Math.floor(Date.now() / 1000);

  it('tries each published key when the token names no kid, and takes the one that verifies', async () => {
    const [first, second] = [await keyPair(), await keyPair()];
    const jwksUri = published([first.jwk, second.jwk]);
    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(second.privateKey);
    expect((await verifyIdToken(token, { ...expected, jwksUri })).sub).to.equal('alice');
    const stranger = await keyPair();
    const forged = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(stranger.privateKey);
    const refused = await verifyIdToken(forged, { ...expected, jwksUri }).catch((error: OAuthError) => error.message);
    expect(refused).to.include('the signature does not verify');
  });

  it('verifies each allowed algorithm (RS256, PS256, ES256, ES384, EdDSA: idTokenAlgorithms) with the key of its type, refuses every other, and refuses a key whose type, curve, use, alg or key_ops does not fit or that carries a private member', async () => {
    const signed = async (alg: string, options: { crv?: string } = {}) => {
      const { privateKey, publicKey } = await generateKeyPair(alg, { ...options, extractable: true });
      const token = await new SignJWT(claims)
        .setProtectedHeader({ alg })
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(privateKey);
      return { token, jwk: await exportJWK(publicKey), secret: await exportJWK(privateKey) };
    };
    const verdict = (token: string, keys: JWK[]): Promise<string> =>
      verifyIdToken(token, { ...expected, jwksUri: published(keys) }).then(
        (user) => user.sub,
        (error: OAuthError) => error.message,
      );
    expect(core.idTokenAlgorithms).to.deep.equal(['RS256', 'PS256', 'ES256', 'ES384', 'EdDSA']);
    for (const alg of core.idTokenAlgorithms) {
      const { token, jwk } = await signed(alg, alg === 'EdDSA' ? { crv: 'Ed25519' } : {});
      expect(await verdict(token, [jwk]), alg).to.equal('alice');
    }
    // The same keys' other algorithms, which the kit does not list, are refused before any key is looked for.
    for (const alg of ['RS384', 'RS512', 'PS384', 'PS512', 'ES512']) {
      const { token, jwk } = await signed(alg);
      expect(await verdict(token, [{ ...jwk, alg }]), alg).to.equal(
        'the id_token was refused: its alg is not one of RS256, PS256, ES256, ES384, EdDSA',
      );
    }
    const { token, jwk, secret } = await signed('ES256');
    expect(await verdict(token, [{ ...jwk, use: 'enc' }])).to.include('no key of the provider matches it');
    expect(await verdict(token, [{ ...jwk, alg: 'ES384' }])).to.include('no key of the provider matches it');
    expect(await verdict(token, [{ ...jwk, crv: 'P-384' }])).to.include('no key of the provider matches it');
    expect(await verdict(token, [{ ...jwk, key_ops: ['sign'] }])).to.include('no key of the provider matches it');
    expect(await verdict(token, [{ ...jwk, key_ops: ['verify'] }])).to.equal('alice');
    expect(await verdict(token, [secret])).to.include('the signature does not verify');
  });

  it('checks at_hash with the hash of each allowed algorithm: SHA-256, SHA-384 for ES384, SHA-512 for EdDSA (OpenID Connect Core §3.2.2.9)', async () => {
    const accessToken = 'an-access-token';
    for (const [alg, hash] of [
      ['RS256', 'SHA-256'],
      ['PS256', 'SHA-256'],
      ['ES256', 'SHA-256'],
      ['ES384', 'SHA-384'],
      ['EdDSA', 'SHA-512'],
    ] as const) {
      const digest = new Uint8Array(await crypto.subtle.digest(hash, new TextEncoder().encode(accessToken)));
      const { privateKey, publicKey } = await generateKeyPair(alg, alg === 'EdDSA' ? { crv: 'Ed25519' } : {});
      const jwksUri = published([await exportJWK(publicKey)]);
      const signed = (atHash: string) =>
        new SignJWT({ ...claims, at_hash: atHash })
          .setProtectedHeader({ alg })
          .setIssuedAt()
          .setExpirationTime('5m')
          .sign(privateKey);
      const right = await signed(base64url.encode(digest.slice(0, digest.length / 2)));
      expect((await verifyIdToken(right, { ...expected, jwksUri, accessToken })).sub, alg).to.equal('alice');
      const refused = await verifyIdToken(right, { ...expected, jwksUri, accessToken: 'another-token' }).catch(
        (error: OAuthError) => error.message,
      );
      expect(refused, alg).to.include('at_hash does not match');
    }
  });

  it('refuses a token not valid yet (nbf) beyond the clock skew, and takes it within', async () => {
    const signer = await keyPair();
    const jwksUri = published([signer.jwk]);
    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuedAt()
      .setNotBefore(now() + 60)
      .setExpirationTime('5m')
      .sign(signer.privateKey);
    const early = await verifyIdToken(token, { ...expected, jwksUri }).catch((error: OAuthError) => error.message);
    expect(early).to.include('it is not valid yet');
    expect((await verifyIdToken(token, { ...expected, jwksUri, clockSkew: 120 })).sub).to.equal('alice');
  });

  it('refuses an expired token beyond the clock skew, and takes it within', async () => {
    const signer = await keyPair();
    const jwksUri = published([signer.jwk]);
    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuedAt(now() - 600)
      .setExpirationTime(now() - 60)
      .sign(signer.privateKey);
    const late = await verifyIdToken(token, { ...expected, jwksUri }).catch((error: OAuthError) => error.message);
    expect(late).to.include('it has expired');
    expect((await verifyIdToken(token, { ...expected, jwksUri, clockSkew: 120 })).sub).to.equal('alice');
  });

  it('refuses a token issued (iat) further in the future than the clock skew, and takes it within (OpenID Connect Core §3.1.3.7 step 10)', async () => {
    const signer = await keyPair();
    const jwksUri = published([signer.jwk]);
    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuedAt(now() + 60)
      .setExpirationTime(now() + 600)
      .sign(signer.privateKey);
    const early = await verifyIdToken(token, { ...expected, jwksUri }).catch((error: OAuthError) => error.message);
    expect(early).to.include('it was issued in the future');
    expect((await verifyIdToken(token, { ...expected, jwksUri, clockSkew: 120 })).sub).to.equal('alice');
  });

  it('refuses a token that is not a JWT', async () => {
    expect(await refusal('not-a-jwt')).to.equal('invalid_id_token');
  });
});
