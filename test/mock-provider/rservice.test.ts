import { expect } from 'chai';
import { decodeJwt } from 'jose';
import { createMockProvider } from '../../src/mock-provider/provider.js';
import { control, mockOf, register, tokenBody, tokenRequest, type Registration } from '../_mock.js';

const at = mockOf('rservice');
const application = { token_endpoint_auth_method: undefined, scope: undefined };

const grant = (client: Registration) =>
  tokenRequest(
    { client_id: client.client_id, client_secret: client.client_secret ?? '', grant_type: 'client_credentials' },
    at,
  );
const me = (accessToken: string) =>
  fetch(`${at.issuer}/api/me`, { headers: { authorization: `Bearer ${accessToken}` } });
const tokenOf = async (client: Registration): Promise<string> => (await (await grant(client)).json()).access_token;

describe('mock provider: rservice profile', () => {
  let client: Registration;
  beforeEach(async () => {
    client = await register([], application, at);
  });

  it('registers an application for client credentials with a client_secret', () => {
    expect(client.client_secret).to.be.a('string');
    expect(client['grant_types']).to.deep.equal(['client_credentials']);
  });

  it('issues a token valid one hour for client_id, client_secret and grant_type=client_credentials, no-store', async () => {
    const body = await tokenBody(await grant(client));
    expect(body.expires_in).to.equal(3600);
    expect(body).not.to.have.property('refresh_token');
    const claims = decodeJwt(body.access_token);
    expect(Number(claims.exp) - Number(claims.iat)).to.equal(3600);
  });

  it('answers 400 with error and error_description to a wrong secret, an unknown client and a missing client_secret', async () => {
    const forms: Record<string, string>[] = [
      { client_id: client.client_id, client_secret: 'wrong', grant_type: 'client_credentials' },
      { client_id: 'nobody', client_secret: 'x', grant_type: 'client_credentials' },
      { client_id: client.client_id, grant_type: 'client_credentials' },
    ];
    for (const form of forms) {
      const response = await tokenRequest(form, at);
      expect(response.status).to.equal(400);
      const body = await response.json();
      expect(body.error).to.equal('invalid_client');
      expect(body.error_description).to.be.a('string');
    }
  });

  it('answers 400 unsupported_grant_type to another grant_type, and invalid_request to a missing one (RFC 6749 §5.2)', async () => {
    for (const grantType of [undefined, 'authorization_code', 'password']) {
      const form: Record<string, string> = { client_id: client.client_id, client_secret: client.client_secret ?? '' };
      if (grantType) form['grant_type'] = grantType;
      const response = await tokenRequest(form, at);
      expect(response.status).to.equal(400);
      expect((await response.json()).error).to.equal(grantType ? 'unsupported_grant_type' : 'invalid_request');
    }
  });

  it('answers 400 invalid_request to repeated parameters or a body that is not a form', async () => {
    const repeated = await fetch(`${at.issuer}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `client_id=${client.client_id}&client_id=${client.client_id}&grant_type=client_credentials`,
    });
    expect(repeated.status).to.equal(400);
    expect((await repeated.json()).error).to.equal('invalid_request');
    const notAForm = await fetch(`${at.issuer}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect((await notAForm.json()).error).to.equal('invalid_request');
  });

  it('serves /api/me to a live token and refuses no token or a forged one', async () => {
    const answer = await me(await tokenOf(client));
    expect(answer.status).to.equal(200);
    expect((await answer.json()).client_id).to.equal(client.client_id);
    expect((await fetch(`${at.issuer}/api/me`)).status).to.equal(401);
    expect((await me('forged')).status).to.equal(401);
  });

  it('refuses a token once its client is disabled, and gives the client no new one', async () => {
    const accessToken = await tokenOf(client);
    await control({ command: 'disable_client', clientId: client.client_id, profile: 'rservice' });
    expect((await me(accessToken)).status).to.equal(401);
    expect((await grant(client)).status).to.equal(400);
  });

  it('refuses a token once its client is deleted', async () => {
    const accessToken = await tokenOf(client);
    await control({ command: 'delete_client', clientId: client.client_id, profile: 'rservice' });
    expect((await me(accessToken)).status).to.equal(401);
  });

  it('refuses a token after one hour, and one of a client disabled in process', async () => {
    let clock = Date.parse('2026-01-01T00:00:00Z');
    const provider = createMockProvider({ now: () => clock });
    const local = provider.registerClient({ grant_types: ['client_credentials'] }, 'rservice');
    const call = (path: string, init?: RequestInit) =>
      provider(new Request(`${location.origin}/mock/rservice${path}`, init));
    const issueOne = async (): Promise<string> =>
      (
        await (
          await call('/token', {
            method: 'POST',
            body: new URLSearchParams({
              client_id: local.client_id,
              client_secret: local.client_secret ?? '',
              grant_type: 'client_credentials',
            }),
          })
        ).json()
      ).access_token;
    const status = async (accessToken: string) =>
      (await call('/api/me', { headers: { authorization: `Bearer ${accessToken}` } })).status;
    const accessToken = await issueOne();
    clock += 3599_000;
    expect(await status(accessToken)).to.equal(200);
    clock += 2_000;
    expect(await status(accessToken)).to.equal(401);
    const second = await issueOne();
    provider.disableClient(local.client_id, 'rservice');
    expect(await status(second)).to.equal(401);
  });
});
