import type { UserClaims } from '../session.js';

/** The browser flows a provider offers. */
export type Flow = 'code' | 'implicit';

/** The endpoints of a provider without discovery, as paths below its issuer or absolute URLs. */
export interface ProfileEndpoints {
  authorization: string;
  token?: string;
  userinfo?: string;
  revocation?: string;
  endSession?: string;
  jwks?: string;
}

/**
 * One provider described as plain data and small pure functions. The same profile drives the
 * client and the mock provider's emulation of that provider.
 */
export interface ProviderProfile {
  id: string;
  name: string;
  /** `true`: endpoints come from OpenID discovery; else from {@link ProviderProfile.endpoints}. */
  discovery: boolean;
  endpoints?: ProfileEndpoints;
  /** The browser flows, the default first. */
  flows: Flow[];
  /** Whether the provider takes PKCE (RFC 7636). */
  pkce: boolean;
  /** Whether callbacks carry `state` back; without it only one sign-in may be pending. */
  echoesState: boolean;
  /** Whether authorization responses carry `iss` (RFC 9207). */
  iss: boolean;
  /** `backend` when the code exchange needs a client secret, so the app's server must make it. */
  codeExchange: 'public' | 'backend';
  scope: { default: string; separator: ' ' | ',' };
  /** Where the access token goes on userinfo requests, and how the answer maps to claims. */
  userinfo?: { token: 'header' | 'query'; claims?: (body: Record<string, unknown>) => UserClaims | undefined };
  /** Extra parameters on every token request (gearcode's `resource_id`). */
  tokenParams?: (clientId: string) => Record<string, string>;
  /** Whether token requests carry `grant_type` (phpapi's do not). */
  grantTypeParam: boolean;
  /** Whether refresh tokens are issued and used. */
  refresh: boolean;
  /** The access-token lifetime the provider documents, in seconds. */
  accessTokenLifetime: number;
  /**
   * A logout endpoint its metadata does not name, its path relative to the authorization endpoint, with
   * the provider's parameter names: Cognito's `../logout` (from `/oauth2/authorize`) with `client_id` and
   * `logout_uri`, Auth0's `v2/logout` (from `/authorize`) with `client_id` and `returnTo`.
   */
  logout?: { path: string; clientId: string; returnTo: string; returnToRequired?: boolean };
}
