import { expect } from 'chai';
import { generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import type { OAuthError } from '../../src/core/errors.js';
import { verifyIdToken } from '../../src/core/id-token.js';
import { callback, codeFlow, control, exchange, issuer, registerClient, tokenBody } from '../_mock.js';

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
    const token = await new SignJWT(claims).setProtectedHeader({ alg: 'ES256' }).setIssuedAt().setExpirationTime('5m').sign(privateKey);
    expect(await refusal(token)).to.equal('invalid_id_token');
  });

  it('refuses alg none', async () => {
    const token = new UnsecuredJWT(claims).setIssuedAt().setExpirationTime('5m').encode();
    expect(await refusal(token)).to.equal('invalid_id_token');
  });

  it('verifies the provider\'s id_token, and one signed after a key rotation by fetching the JWKS again for the new kid', async () => {
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

  it('refuses a token that is not a JWT', async () => {
    expect(await refusal('not-a-jwt')).to.equal('invalid_id_token');
  });
});
