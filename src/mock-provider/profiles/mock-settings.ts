import type { ClientMetadata } from '../client-metadata.js';
import type { ScopeDisplay } from '../consent-page.js';
import type { MockClient } from '../state.js';

/** A scope the provider defines (panel's scope settings), as shown on the consent page. */
export interface ScopeDefinition extends ScopeDisplay {
  /** The resource path the scope opens, and its method. */
  resource?: string;
  method?: string;
  /** Granted even when the request does not name it. */
  default?: boolean;
}

/** How an error code of the shared endpoints is spelled and answered by this provider. */
export interface ErrorSpelling {
  error?: string;
  status?: number;
}

/**
 * How the shared endpoints bend to one provider, where the core profile does not say.
 * Every field is optional; leaving one out keeps the strict `oidc` behaviour.
 */
export interface MockSettings {
  /** Makes a client from registration metadata (profile defaults, extension fields); `createClientRecord` unless set. */
  createClient?: (metadata: ClientMetadata & Record<string, unknown>, now: number) => MockClient;
  /** The scope of an authorization request that names none; `openid` unless set. */
  defaultScope?: string;
  /** Scope definitions: names, descriptions and icons for the consent page, and default scopes. */
  scopes?: ScopeDefinition[];
  /** Whether public clients (auth method `none`, with PKCE) may use the token endpoint; unless set, when the profile's code exchange is public. */
  publicClients?: boolean;
  /** Whether a code exchange must repeat `redirect_uri`; `true` unless set (gearcode and phpapi send none). */
  tokenRedirectUri?: boolean;
  /** `token_type` as the provider spells it; `Bearer` unless set. */
  tokenType?: string;
  /** The provider's own error codes and statuses, by the standard code (phpapi's `invalid_code`). */
  errors?: Record<string, ErrorSpelling>;
  /** A fixed-window rate limit per client or token on the API endpoints. */
  rateLimit?: RateLimit;
  /** The `iss` of its id_tokens, where the vendor's differs from the mount's issuer (Auth0's trailing slash, Entra's tenant). */
  idTokenIssuer?: (issuer: string) => string;
  /** Claims every id_token carries (Entra's `tid`). */
  idTokenClaims?: Record<string, unknown>;
  /** Refresh tokens only for a grant that includes `offline_access` (Auth0, Okta, Entra ID). */
  offlineAccess?: boolean;
  /** Paths answered without CORS headers, as the vendor's are (GitHub's token endpoint). */
  corsless?: string[];
}

/** A fixed-window rate limit. */
export interface RateLimit {
  /** Requests allowed per window. */
  limit: number;
  /** The window, in seconds. */
  window: number;
}
