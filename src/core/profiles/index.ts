export type { Flow, ProfileEndpoints, ProviderProfile } from './profile.js';
export { gearcode, oidc, panel, phpapi, profiles, redguy, rservice, type ProfileId } from './seeds.js';
