import { expect } from 'chai';
import { decodeJwt, SignJWT, generateKeyPair, exportJWK } from 'jose';
import { dpopSigner } from '../../src/core/dpop/dpop.js';
import type { DpopSigner } from '../../src/core/dpop/dpop-signer.js';
import { memoryStore } from '../../src/core/storage/store.js';
import { codeFlow, control, exchange, issuer, registerClient, served, tokenRequest } from '../_mock.js';

const tokenUrl = `${issuer}/token`;
const userinfoUrl = `${issuer}/userinfo`;

async function boundTokens(
  clientId: string,
  signer: DpopSigner,
): Promise<{ access_token: string; refresh_token: string; token_type: string }> {
  const { code, verifier } = await codeFlow(clientId);
  const response = await exchange(clientId, code, verifier, served, { dpop: await signer.proof('POST', tokenUrl) });
  expect(response.status).to.equal(200);
  return response.json();
}

async function userinfo(authorization: string, proof?: string): Promise<Response> {
  return fetch(userinfoUrl, { headers: { authorization, ...(proof ? { dpop: proof } : {}) } });
}

describe('mock provider: DPoP (RFC 9449)', () => {
  let clientId: string;
  before(async () => {
    clientId = await registerClient(['/test/_callback.html'], { grant_types: ['authorization_code', 'refresh_token'] });
  });

  it('binds the access token to the proof key: token_type DPoP and cnf.jkt its thumbprint', async () => {
    const signer = dpopSigner(memoryStore());
    const tokens = await boundTokens(clientId, signer);
    expect(tokens.token_type).to.equal('DPoP');
    expect(decodeJwt(tokens.access_token).cnf).to.deep.equal({ jkt: await signer.thumbprint() });
  });

  it('serves a bound token with a proof carrying ath, and refuses it sent as Bearer', async () => {
    const signer = dpopSigner(memoryStore());
    const { access_token } = await boundTokens(clientId, signer);
    expect(
      (await userinfo(`DPoP ${access_token}`, await signer.proof('GET', userinfoUrl, access_token))).status,
    ).to.equal(200);
    const asBearer = await userinfo(`Bearer ${access_token}`);
    expect(asBearer.status).to.equal(401);
    expect(asBearer.headers.get('www-authenticate')).to.match(/^DPoP .*error="invalid_token"/);
  });

  it('refuses a replayed proof, a proof without ath, a wrong htu and a proof by another key', async () => {
    const signer = dpopSigner(memoryStore());
    const { access_token } = await boundTokens(clientId, signer);
    const proof = await signer.proof('GET', userinfoUrl, access_token);
    expect((await userinfo(`DPoP ${access_token}`, proof)).status).to.equal(200);
    expect((await userinfo(`DPoP ${access_token}`, proof)).status, 'replayed').to.equal(401);
    expect((await userinfo(`DPoP ${access_token}`, await signer.proof('GET', userinfoUrl))).status, 'no ath').to.equal(
      401,
    );
    expect(
      (await userinfo(`DPoP ${access_token}`, await signer.proof('GET', `${issuer}/elsewhere`, access_token))).status,
      'htu',
    ).to.equal(401);
    const stranger = dpopSigner(memoryStore());
    const foreign = await userinfo(`DPoP ${access_token}`, await stranger.proof('GET', userinfoUrl, access_token));
    expect(foreign.status, 'another key').to.equal(401);
    expect(foreign.headers.get('www-authenticate')).to.include('invalid_dpop_proof');
  });

  it('refuses proofs that are unsigned, symmetric, or carry a private key', async () => {
    const header = (value: object): string =>
      btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
    const claims = { jti: crypto.randomUUID(), htm: 'POST', htu: tokenUrl, iat: Math.floor(Date.now() / 1000) };
    const unsigned = `${header({ typ: 'dpop+jwt', alg: 'none' })}.${header(claims)}.`;
    const hs256 = await new SignJWT(claims)
      .setProtectedHeader({ typ: 'dpop+jwt', alg: 'HS256' })
      .sign(new TextEncoder().encode('k'.repeat(32)));
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    const withPrivate = await new SignJWT(claims)
      .setProtectedHeader({ typ: 'dpop+jwt', alg: 'ES256', jwk: await exportJWK(privateKey) })
      .sign(privateKey);
    for (const proof of [unsigned, hs256, withPrivate]) {
      const response = await tokenRequest(
        { grant_type: 'refresh_token', client_id: clientId, refresh_token: 'x' },
        served,
        { dpop: proof },
      );
      expect(response.status).to.equal(400);
      expect((await response.json()).error).to.equal('invalid_dpop_proof');
    }
  });

  it('binds a public client’s refresh token: another key or no proof gets invalid_grant, the same key refreshes', async () => {
    const signer = dpopSigner(memoryStore());
    const { refresh_token } = await boundTokens(clientId, signer);
    const refresh = (headers: Record<string, string>) =>
      tokenRequest({ grant_type: 'refresh_token', client_id: clientId, refresh_token }, served, headers);
    const unproven = await refresh({});
    expect((await unproven.json()).error).to.equal('invalid_grant');
    const foreign = await refresh({ dpop: await dpopSigner(memoryStore()).proof('POST', tokenUrl) });
    expect((await foreign.json()).error).to.equal('invalid_grant');
    const own = await refresh({ dpop: await signer.proof('POST', tokenUrl) });
    expect(own.status).to.equal(200);
    expect((await own.json()).token_type).to.equal('DPoP');
  });

  it('asks for a nonce with use_dpop_nonce and DPoP-Nonce when scripted, and takes a proof that carries it', async () => {
    const signer = dpopSigner(memoryStore());
    const { code, verifier } = await codeFlow(clientId);
    await control({ command: 'scenario', scenario: { next: 'dpop_nonce', clientId } });
    const first = await exchange(clientId, code, verifier, served, { dpop: await signer.proof('POST', tokenUrl) });
    expect(first.status).to.equal(400);
    expect((await first.clone().json()).error).to.equal('use_dpop_nonce');
    expect(first.headers.get('dpop-nonce')).to.be.a('string');
    expect(await signer.wantsNonce(first)).to.equal(true);
    const second = await exchange(clientId, code, verifier, served, { dpop: await signer.proof('POST', tokenUrl) });
    expect(second.status).to.equal(200);
  });
});
