import { expect } from 'chai';
import { control, registerClient, requestsOf, waitFor } from '../_mock.js';
import { appPath, openApp, type App } from './_harness.js';

const tabs = 4;
const races = 3;

// The token-mediating backend (browser-apps BCP §6.2.2.2) keeps the refresh token; the tabs renew
// through its cookie, and the Web Lock still lets one tab renew per expiry.
describe('many tabs of a client whose refresh token the backend keeps', () => {
  let clientId: string;
  let apps: App[];

  before(async function () {
    this.timeout(60_000);
    clientId = await registerClient([appPath], {
      token_endpoint_auth_method: 'client_secret_post',
      grant_types: ['authorization_code', 'refresh_token'],
      access_token_lifetime: 2,
    });
    const config = { clientId, fromScript: true, renewBefore: 0, tokenEndpoint: `/api/oauth/oidc/${clientId}/token` };
    await control({ command: 'sign_in_as', sub: 'alice', clientId });
    const first = await openApp(config);
    first.button().shadowRoot.querySelector('button')?.click();
    await waitFor(() => first.window.appClient?.session, 'the first tab to sign in');
    apps = [first];
    for (let index = 1; index < tabs; index += 1) apps.push(await openApp(config));
    await waitFor(() => apps.every((app) => app.window.appClient?.session), 'every tab to share the session');
  });

  after(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it(`sends one refresh per expiry across ${tabs} tabs, through the backend, and no tab ever holds a refresh token`, async function () {
    this.timeout(races * 5000);
    const refreshes = async () => (await requestsOf(clientId)).filter((entry) => entry.grantType === 'refresh_token');
    for (let race = 0; race < races; race += 1) {
      const before = (await refreshes()).length;
      const previous = apps[0]!.window.appClient.session!.accessToken;
      const expiresAt = apps[0]!.window.appClient.session!.expiresAt!;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, expiresAt - Date.now()) + 5));
      const tokens = await Promise.all(apps.map((app) => app.window.appClient.getAccessToken()));
      expect(tokens, `race ${race}: the token was renewed`).not.to.include(previous);
      expect(new Set(tokens).size, `race ${race}: one token for every tab`).to.equal(1);
      expect((await refreshes()).length - before, `race ${race}: one refresh`).to.equal(1);
    }
    expect((await refreshes()).every((entry) => entry.status === 200)).to.equal(true);
    expect(apps.map((app) => app.window.appClient.session!.refreshToken)).to.deep.equal(apps.map(() => undefined));
  });
});
