import { expect } from 'chai';
import { resolveConfig } from '../../../src/core/config.js';
import type { SignInContext } from '../../../src/core/client-context.js';
import type { OAuthError } from '../../../src/core/errors.js';
import { refreshSession } from '../../../src/core/renewal/refresh.js';
import type { Session } from '../../../src/core/session.js';
import { memoryStore } from '../../../src/core/storage/store.js';

const part = (value: object): string => btoa(JSON.stringify(value)).replace(/=+$/, '');

describe('refresh', () => {
  const fetched = window.fetch;
  afterEach(() => (window.fetch = fetched));

  it('refuses a refreshed id_token it cannot verify: the provider publishes no jwks_uri (OpenID Connect Core §12.2)', async () => {
    const issuer = 'https://id.example';
    const config = resolveConfig({ issuer, clientId: 'spa', scope: 'openid' });
    const ctx: SignInContext = {
      config,
      store: memoryStore(),
      metadata: async () => ({
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
      }),
    };
    // An id_token about someone else, signed by nobody the client can check.
    const idToken = `${part({ alg: 'RS256' })}.${part({ iss: issuer, aud: 'spa', sub: 'mallory', exp: 2e9, iat: 1e9 })}.c2ln`;
    const asked: string[] = [];
    window.fetch = async (input) => {
      asked.push(String(input));
      return Response.json({ access_token: 'new', token_type: 'Bearer', expires_in: 60, id_token: idToken });
    };
    const session: Session = {
      accessToken: 'old',
      tokenType: 'Bearer',
      refreshToken: 'r',
      scope: 'openid',
      expiresAt: Date.now(),
      user: { sub: 'alice' },
    };
    const refusal = await refreshSession(ctx, session).then(
      (next) => `a session for ${next.user?.sub} with ${next.idToken === idToken ? 'the unchecked' : 'no'} id_token`,
      (error: OAuthError) => error.code,
    );
    expect(asked, 'the refresh reached the token endpoint').to.deep.equal([`${issuer}/token`]);
    expect(refusal).to.equal('invalid_discovery');
  });
});
