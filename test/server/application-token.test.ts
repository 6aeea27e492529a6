import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { OAuthError } from '../../src/core/errors.js';
import type { MockClient } from '../../src/mock-provider/state.js';
import { applicationToken } from '../../src/server/application-token.js';
import { _serveMock, type ServedMock } from './_mock-server.js';

describe('applicationToken against the redguy mock', () => {
  let mock: ServedMock;
  let app: MockClient;
  let endpoint: string;
  const usersGet = (token: string) =>
    fetch(`${mock.issuerOf('redguy')}/v1/users/get`, { headers: { authorization: `Bearer ${token}` } });
  const refusal = (code: number) => (error: unknown) => {
    assert.ok(error instanceof OAuthError);
    assert.equal(error.code, 'provider_error');
    assert.equal(error.error, String(code));
    assert.equal(typeof error.errorDescription, 'string');
    assert.ok(error.message.includes(error.errorDescription ?? ''));
    return true;
  };

  before(async () => {
    mock = await _serveMock();
    endpoint = `${mock.issuerOf('redguy')}/v1/token/issue`;
    app = mock.provider.registerClient(
      {
        client_name: 'Nightly export',
        grant_types: ['client_credentials'],
        response_types: [],
        token_endpoint_auth_method: 'client_secret_post',
      },
      'redguy',
    );
  });
  after(() => mock.close());

  it('signs md5(secret + ts) and unwraps the {code, comment, response} envelope into {id, token}', async () => {
    const issued = await applicationToken({
      endpoint,
      appId: app.client_id,
      secret: app.client_secret ?? '',
      scope: '1',
      name: 'export',
    });
    assert.equal(typeof issued.id, 'string');
    const user = (await (await usersGet(issued.token)).json()) as { code: number };
    assert.equal(user.code, 0);
  });

  it('throws an OAuthError with the comment when the md5 is wrong (another secret)', async () => {
    await assert.rejects(
      applicationToken({ endpoint, appId: app.client_id, secret: 'not-the-secret', scope: '1', name: 'export' }),
      refusal(102),
    );
  });

  it('throws for an unknown application and a scope it may not have', async () => {
    await assert.rejects(
      applicationToken({ endpoint, appId: 'nobody', secret: 's', scope: '1', name: 'export' }),
      refusal(101),
    );
    await assert.rejects(
      applicationToken({
        endpoint,
        appId: app.client_id,
        secret: app.client_secret ?? '',
        scope: '1 9',
        name: 'export',
      }),
      refusal(104),
    );
  });

  it('throws when ts is stale: the provider’s clock is ten minutes ahead', async () => {
    mock.provider.advanceClock(600);
    try {
      await assert.rejects(
        applicationToken({
          endpoint,
          appId: app.client_id,
          secret: app.client_secret ?? '',
          scope: '1',
          name: 'export',
        }),
        refusal(103),
      );
    } finally {
      mock.provider.advanceClock(-600);
    }
  });

  it('refuses missing options as invalid_config', async () => {
    const invalid = { name: 'OAuthError', code: 'invalid_config' };
    await assert.rejects(applicationToken({ endpoint, appId: '', secret: 's', scope: '1', name: 'n' }), invalid);
    await assert.rejects(
      applicationToken({ endpoint: 'not a url', appId: 'a', secret: 's', scope: '1', name: 'n' }),
      invalid,
    );
  });
});
