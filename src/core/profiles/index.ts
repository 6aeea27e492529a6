export type { Flow, ProfileEndpoints, ProviderProfile } from './profile.js';
export { gearcode } from './gearcode.js';
export { oidc } from './oidc.js';
export { panel } from './panel.js';
export { phpapi } from './phpapi.js';
export { redguy } from './redguy.js';
export { rservice } from './rservice.js';
export { auth0, cognito, github } from './vendors.js';
export { profiles, type ProfileId } from './seeds.js';
