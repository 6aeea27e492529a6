import { createClient } from '../../src/core/index.js';
import { exposeBench, type Bench } from './_bench.js';

const { clientId } = JSON.parse(localStorage.getItem('bench') ?? '{}') as { clientId: string };
const client = createClient({
  issuer: `${location.origin}/mock/oidc`,
  clientId,
  scope: 'openid profile',
  mode: 'redirect',
  renewBefore: 2,
});
const changes: Array<{ at: number; signedIn: boolean }> = [];
client.addEventListener('change', (event) => changes.push({ at: Date.now(), signedIn: event.session !== null }));
const bench: Bench = {
  start: () => void client.login(),
  popup: async () => ((await client.login({ mode: 'popup' })) ? client.getAccessToken() : ''),
  finish: async () =>
    (await client.handleRedirect()) ? client.getAccessToken() : client.getAccessToken().catch(() => null),
  token: () => client.getAccessToken(),
  signOut: () => client.logout(),
  changes,
};
exposeBench(bench);
