// The built-in provider profiles, one file each (the vendors' in vendors.ts); seeds.ts lists them.
import { gearcode } from './gearcode.js';
import { oidc } from './oidc.js';
import { panel } from './panel.js';
import { phpapi } from './phpapi.js';
import { redguy } from './redguy.js';
import { rservice } from './rservice.js';
import { auth0, cognito, github } from './vendors.js';

/** Every built-in profile by id. */
export const profiles = { oidc, redguy, rservice, panel, gearcode, phpapi, auth0, cognito, github } as const;

/** The id of a built-in profile. */
export type ProfileId = keyof typeof profiles;
