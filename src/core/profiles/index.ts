import { gearcode, oidc, panel, phpapi, redguy, rservice } from './seeds.js';
import { auth0, cognito, github } from './vendors.js';

export type { Flow, ProfileEndpoints, ProviderProfile } from './profile.js';
export { gearcode, oidc, panel, phpapi, redguy, rservice } from './seeds.js';
export { auth0, cognito, github } from './vendors.js';

/** Every built-in profile by id. */
export const profiles = { oidc, redguy, rservice, panel, gearcode, phpapi, auth0, cognito, github } as const;

/** The id of a built-in profile. */
export type ProfileId = keyof typeof profiles;
