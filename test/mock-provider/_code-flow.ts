import { challengeOf, createVerifier } from '../../src/core/pkce.js';
import { authorize, tokenRequest } from '../_mock.js';

export const callback = `${location.origin}/test/_callback.html`;

/** Runs authorize and consent for a public client with PKCE; returns the code, its verifier and the callback. */
export async function codeFlow(clientId: string, verifier = createVerifier(), scope = 'openid profile'): Promise<{ code: string; verifier: string; url: URL }> {
  const url = await authorize({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: callback,
    scope,
    state: 'st',
    nonce: 'nc',
    code_challenge: await challengeOf(verifier),
    code_challenge_method: 'S256',
  });
  return { code: url.searchParams.get('code') ?? '', verifier, url };
}

/** The authorization_code grant for a code from {@link codeFlow}. */
export const exchange = (clientId: string, code: string, verifier: string, headers: Record<string, string> = {}) =>
  tokenRequest({ grant_type: 'authorization_code', client_id: clientId, code, code_verifier: verifier, redirect_uri: callback }, headers);
