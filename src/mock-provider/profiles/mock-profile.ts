import type { ProviderProfile } from '../../core/profiles/index.js';
import type { EndpointContext } from '../context.js';
import type { MockSettings } from './mock-settings.js';

/** One endpoint of a mounted profile. */
export type Endpoint = (ctx: EndpointContext, request: Request) => Response | Promise<Response>;

/** A provider the mock emulates: its profile, its routes keyed `METHOD /path` below the issuer, and its settings. */
export interface MockProfile {
  profile: ProviderProfile;
  routes: Record<string, Endpoint>;
  settings?: MockSettings;
}
