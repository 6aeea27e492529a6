import type { ClientConfig } from 'oauth-elements';

/** The seed providers a browser can sign in with, as the mock emulates them at /mock/<id>; vite.config.ts registers their clients. */
export const seeds = {
  redguy: { label: 'redguy (implicit)', config: { profile: 'redguy', flow: 'implicit', scope: '1 2' } },
  panel: {
    label: 'Panel (code, backend exchange)',
    config: { profile: 'panel', scope: 'user.read user.email', tokenEndpoint: '/api/oauth/panel/token' },
  },
  gearcode: {
    label: 'GearCode (code, backend exchange)',
    config: { profile: 'gearcode', tokenEndpoint: '/api/oauth/gearcode/token' },
  },
  phpapi: {
    label: 'PHP API (code, backend exchange)',
    config: { profile: 'phpapi', tokenEndpoint: '/api/oauth/phpapi/token' },
  },
} satisfies Record<string, { label: string; config: Omit<ClientConfig, 'issuer' | 'clientId'> }>;

/** The id of a seed provider of the demo. */
export type SeedId = keyof typeof seeds;

/** The client configuration of one seed provider: its own callback page, so that no other client of the demo takes its callback. */
export function seedConfig(id: SeedId): ClientConfig {
  return {
    ...seeds[id].config,
    issuer: `/mock/${id}`,
    clientId: `demo-${id}`,
    mode: 'popup',
    redirectUri: new URL(`/callback.html?via=${id}`, location.origin).href,
  };
}
