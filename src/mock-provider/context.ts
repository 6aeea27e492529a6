import type { ProviderProfile } from '../core/profiles/index.js';
import type { Control } from './control.js';
import type { SigningKey } from './keys.js';
import type { MockSettings } from './profiles/mock-settings.js';
import type { MockClient, ProviderState } from './state.js';

/** What every endpoint of one mounted profile sees. */
export interface EndpointContext {
  state: ProviderState;
  /** The provider this mount emulates. */
  profile: ProviderProfile;
  /** How the shared endpoints bend to this provider. */
  settings: MockSettings;
  /** The issuer identifier: the request's origin, the base path and the profile. */
  issuer: string;
  signingKey: () => Promise<SigningKey>;
  /** Scenarios, the request log, the clock offset and the published keys. */
  control: Control;
  now: () => number;
  /** The URL of the script that upgrades the consent page's `<oauth-consent-popup>`, if any. */
  consentScript: string | undefined;
}

/** CORS headers for the origin of one of `clients` (the provider passes those registered in process), never for any other. @see https://fetch.spec.whatwg.org/#http-cors-protocol */
export function corsFor(request: Request, clients: Iterable<MockClient>): Record<string, string> {
  const origin = request.headers.get('origin');
  if (!origin) return {};
  for (const client of clients) {
    if (client.redirect_uris.some((uri) => new URL(uri).origin === origin)) {
      return {
        'access-control-allow-origin': origin,
        'access-control-allow-headers': 'authorization, content-type, dpop',
        'access-control-allow-methods': 'GET, POST, PUT, DELETE',
        'access-control-expose-headers':
          'www-authenticate, retry-after, dpop-nonce, x-ratelimit-limit, x-ratelimit-remaining, x-ratelimit-reset',
        vary: 'origin',
      };
    }
  }
  return { vary: 'origin' };
}

/** Adds headers to a response. */
export function withHeaders(response: Response, headers: Record<string, string>): Response {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}
