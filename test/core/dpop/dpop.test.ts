import { expect } from 'chai';
import { calculateJwkThumbprint, decodeProtectedHeader, EmbeddedJWK, jwtVerify } from 'jose';
import { dpopSigner } from '../../../src/core/dpop/dpop.js';
import { memoryStore } from '../../../src/core/storage/store.js';

const tokenEndpoint = 'https://id.example.com/token';

async function hashOf(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return btoa(String.fromCharCode(...digest))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

describe('DPoP signer', () => {
  it('signs an ES256 proof with jti, htm, htu and iat that verifies against its embedded public key', async () => {
    const proof = await dpopSigner(memoryStore()).proof('post', `${tokenEndpoint}?x=1#y`);
    const { payload, protectedHeader } = await jwtVerify(proof, EmbeddedJWK, {
      typ: 'dpop+jwt',
      algorithms: ['ES256'],
    });
    expect(protectedHeader.jwk).to.have.keys('kty', 'crv', 'x', 'y');
    expect(payload).to.include({ htm: 'POST', htu: tokenEndpoint });
    expect(payload.jti).to.be.a('string').with.length.of.at.least(16);
    expect(Math.abs((payload.iat ?? 0) - Date.now() / 1000)).to.be.below(5);
    expect(payload).not.to.have.property('ath');
  });

  it('binds a resource proof to the access token with ath, and never repeats a jti', async () => {
    const signer = dpopSigner(memoryStore());
    const [first, second] = [
      await signer.proof('GET', 'https://api.example.com/me', 'at-1'),
      await signer.proof('GET', 'https://api.example.com/me', 'at-1'),
    ];
    const payloads = await Promise.all(
      [first, second].map(async (proof) => (await jwtVerify(proof, EmbeddedJWK)).payload),
    );
    expect(payloads[0]?.ath).to.equal(await hashOf('at-1'));
    expect(payloads[0]?.jti).not.to.equal(payloads[1]?.jti);
  });

  it('keeps one non-extractable key pair in the store, and a new one after forget', async () => {
    const store = memoryStore();
    const first = await dpopSigner(store).thumbprint();
    expect(await dpopSigner(store).thumbprint()).to.equal(first);
    const pair = (await store.get<CryptoKeyPair>('key:dpop'))!;
    expect(pair.privateKey.extractable).to.equal(false);
    const signer = dpopSigner(store);
    await signer.forget();
    expect(await signer.thumbprint()).not.to.equal(first);
  });

  it('computes the RFC 7638 thumbprint the server binds tokens to', async () => {
    const signer = dpopSigner(memoryStore());
    const { jwk } = decodeProtectedHeader(await signer.proof('GET', tokenEndpoint));
    expect(await signer.thumbprint()).to.equal(await calculateJwkThumbprint(jwk!, 'sha256'));
  });

  it('retries with the nonce a token endpoint or a resource server asks for, and sends it', async () => {
    const signer = dpopSigner(memoryStore());
    const tokenAsks = new Response(JSON.stringify({ error: 'use_dpop_nonce' }), {
      status: 400,
      headers: { 'dpop-nonce': 'n-1' },
    });
    Object.defineProperty(tokenAsks, 'url', { value: tokenEndpoint });
    expect(await signer.wantsNonce(tokenAsks)).to.equal(true);
    expect((await jwtVerify(await signer.proof('POST', tokenEndpoint), EmbeddedJWK)).payload.nonce).to.equal('n-1');
    const resourceAsks = new Response(null, {
      status: 401,
      headers: { 'dpop-nonce': 'n-2', 'www-authenticate': 'DPoP error="use_dpop_nonce"' },
    });
    Object.defineProperty(resourceAsks, 'url', { value: 'https://api.example.com/me' });
    expect(await signer.wantsNonce(resourceAsks)).to.equal(true);
    const other = new Response(JSON.stringify({ error: 'invalid_grant' }), {
      status: 400,
      headers: { 'dpop-nonce': 'n-3' },
    });
    Object.defineProperty(other, 'url', { value: tokenEndpoint });
    expect(await signer.wantsNonce(other)).to.equal(false);
    expect(await signer.wantsNonce(new Response(null, { status: 400 }))).to.equal(false);
  });

  it('keeps a nonce the app’s backend relays for the provider it relays, whose token endpoint the proofs name', async () => {
    const signer = dpopSigner(memoryStore());
    const relayed = new Response(JSON.stringify({ error: 'use_dpop_nonce' }), {
      status: 400,
      headers: { 'dpop-nonce': 'n-4' },
    });
    Object.defineProperty(relayed, 'url', { value: 'https://app.example.com/api/oauth/token' });
    expect(await signer.wantsNonce(relayed, tokenEndpoint)).to.equal(true);
    expect((await jwtVerify(await signer.proof('POST', tokenEndpoint), EmbeddedJWK)).payload.nonce).to.equal('n-4');
  });
});
