import { createDpopState, type DpopState } from './dpop.js';

/** A user the consent page offers to sign in as, with the claims the provider releases. */
export interface MockUser {
  sub: string;
  name: string;
  email?: string;
  picture?: string;
  [claim: string]: unknown;
}

/**
 * A registered client, with RFC 7591 field names.
 * @see https://www.rfc-editor.org/rfc/rfc7591#section-2
 */
export interface MockClient {
  client_id: string;
  client_secret?: string;
  client_name: string;
  redirect_uris: string[];
  grant_types: string[];
  response_types: string[];
  scope: string;
  token_endpoint_auth_method: 'none' | 'client_secret_post' | 'client_secret_basic';
  logo_uri?: string;
  client_uri?: string;
  registration_access_token: string;
  client_id_issued_at: number;
  /** Seconds an access token lives (panel's `access_token_lifetime`); the profile's lifetime by default. */
  access_token_lifetime?: number;
}

/** An authorization request waiting for the user's decision on the consent page. */
export interface Interaction {
  id: string;
  clientId: string;
  redirectUri: string;
  state: string | undefined;
  scope: string;
  nonce: string | undefined;
  codeChallenge: string | undefined;
  createdAt: number;
}

/** An issued authorization code: single-use, short-lived, bound to client and redirect URI. */
export interface AuthorizationCode extends Grant {
  redirectUri: string;
  nonce: string | undefined;
  codeChallenge: string | undefined;
  expiresAt: number;
  /** Set on first use; a second use revokes the tokens of the code's family. */
  used: boolean;
}

/** What a user granted a client: what every token of one sign-in carries. */
export interface Grant {
  clientId: string;
  sub: string;
  scope: string;
  authTime: number;
  /** Ties every access and refresh token of one sign-in together, for revocation as a whole. */
  family: string;
}

/** An access token the provider issued. */
export interface AccessTokenRecord {
  id: string;
  clientId: string;
  sub: string;
  scope: string;
  expiresAt: number;
  revoked: boolean;
  family: string;
  /** The thumbprint of the DPoP key the token is bound to (RFC 9449 §6). */
  jkt?: string;
}

/** A refresh token: single-use, rotated; using one twice revokes its family. */
export interface RefreshTokenRecord extends Grant {
  used: boolean;
  revoked: boolean;
  expiresAt: number;
  /** A public client's refresh token is bound to its DPoP key (RFC 9449 §5). */
  jkt?: string;
}

/** Everything one mock provider remembers. */
export interface ProviderState {
  clients: Map<string, MockClient>;
  users: MockUser[];
  interactions: Map<string, Interaction>;
  codes: Map<string, AuthorizationCode>;
  accessTokens: Map<string, AccessTokenRecord>;
  refreshTokens: Map<string, RefreshTokenRecord>;
  dpop: DpopState;
}

/** The users the consent page offers when none are given. */
export const defaultUsers: MockUser[] = [
  { sub: 'alice', name: 'Alice Liddell', email: 'alice@example.com', email_verified: true },
  { sub: 'bob', name: 'Bob Builder', email: 'bob@example.com', email_verified: true },
];

/** A fresh, empty state. */
export function createState(users: MockUser[] = defaultUsers): ProviderState {
  return { clients: new Map(), users, interactions: new Map(), codes: new Map(), accessTokens: new Map(), refreshTokens: new Map(), dpop: createDpopState() };
}
