import type { ProviderProfile } from '../../core/profiles/index.js';
import type { EndpointContext } from '../context.js';

/** One endpoint of a mounted profile. */
export type Endpoint = (ctx: EndpointContext, request: Request) => Response | Promise<Response>;

/** A provider the mock emulates: its profile and its routes, keyed `METHOD /path` below the issuer. */
export interface MockProfile {
  profile: ProviderProfile;
  routes: Record<string, Endpoint>;
}
