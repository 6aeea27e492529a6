import type { OAuthClient } from '../../src/core/index.js';
import { exposeBench, type Bench } from './_bench.js';

/** What the kit's bench pages offer the driver, for `client`. */
export function exposeKit(client: OAuthClient): void {
  const changes: Array<{ at: number; signedIn: boolean }> = [];
  client.addEventListener('change', (event) => changes.push({ at: Date.now(), signedIn: event.session !== null }));
  const bench: Bench = {
    start: () => void client.login(),
    popup: async () => ((await client.login({ mode: 'popup' })) ? client.getAccessToken() : ''),
    finish: async () =>
      (await client.handleRedirect()) ? client.getAccessToken() : client.getAccessToken().catch(() => null),
    token: () => client.getAccessToken(),
    signOut: async () => void (await client.logout()),
    changes,
  };
  exposeBench(bench);
}

/** The configuration every kit page signs in with, the client id from the driver. */
export const kitConfig = () => ({
  issuer: `${location.origin}/mock/oidc`,
  clientId: (JSON.parse(localStorage.getItem('bench') ?? '{}') as { clientId: string }).clientId,
  scope: 'openid profile',
  mode: 'redirect' as const,
  renewBefore: 2,
});
