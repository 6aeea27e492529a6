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
  policy_uri?: string;
  tos_uri?: string;
  registration_access_token: string;
  client_id_issued_at: number;
  /** Seconds an access token lives (panel's `access_token_lifetime`); the profile's lifetime by default. */
  access_token_lifetime?: number;
  /** A disabled client cannot authenticate, and the tokens it holds are refused. */
  disabled?: boolean;
  /** RFC 9126 §6: the client's authorization requests must be pushed. */
  require_pushed_authorization_requests?: boolean;
  /** Where RP-Initiated Logout may send the user back; nowhere else. */
  post_logout_redirect_uris?: string[];
  /** panel's client settings: implicit allowed, `state` required, redirect URIs matched exactly (else by prefix). */
  allow_implicit_grant?: boolean;
  enforce_state_validation?: boolean;
  require_exact_redirect_uri?: boolean;
  description?: string;
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
  /** `token` for the implicit flow (RFC 6749 §4.2), `id_token token` for OpenID's (Core §3.2); a code otherwise. */
  responseType?: 'code' | 'token' | 'id_token token';
  /** The API an access token is asked for (Auth0's `audience`): its `aud`. */
  audience?: string | undefined;
  /** The pushed request (RFC 9126) this interaction came from, spent once it ends. */
  requestUri?: string;
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
  /** The API the access tokens are for (Auth0's `audience`); the issuer's own otherwise. */
  audience?: string | undefined;
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

/** What the provider remembers of DPoP: proofs seen (replay) and the nonces it asks for. */
export interface DpopState {
  /** jti → when it may be forgotten, epoch ms. */
  seen: Map<string, number>;
  /** client_id → the nonce its proofs must carry from now on (set by a `dpop_nonce` scenario). */
  nonces: Map<string, string>;
}

/** A fresh DPoP state. */
export function createDpopState(): DpopState {
  return { seen: new Map(), nonces: new Map() };
}

/** Everything one mock provider remembers. */
export interface ProviderState {
  clients: Map<string, MockClient>;
  users: MockUser[];
  interactions: Map<string, Interaction>;
  codes: Map<string, AuthorizationCode>;
  accessTokens: Map<string, AccessTokenRecord>;
  refreshTokens: Map<string, RefreshTokenRecord>;
  /** Fixed rate-limit windows, by client or token: when the window began and how many requests it saw. */
  rateWindows: Map<string, { start: number; count: number }>;
  /** DPoP proofs seen and nonces asked for. */
  dpop: DpopState;
  /** Pushed authorization requests (RFC 9126), by the id in their request_uri. */
  pushedRequests: Map<string, { params: Map<string, string>; expiresAt: number }>;
  /** Provider sessions, by the id their cookie carries. */
  sessions: Map<string, ProviderSession>;
  /** The scopes each user granted each client, by `JSON.stringify([sub, clientId])`. */
  consents: Map<string, Set<string>>;
}

/** A user signed in at the provider, as its session cookie says. */
export interface ProviderSession {
  id: string;
  sub: string;
  /** When the user signed in, in epoch seconds. */
  authTime: number;
}

/** The users the consent page offers when none are given. */
export const defaultUsers: MockUser[] = [
  { sub: 'alice', name: 'Alice Liddell', email: 'alice@example.com', email_verified: true },
  { sub: 'bob', name: 'Bob Builder', email: 'bob@example.com', email_verified: true },
];

/** A fresh, empty state. */
export function createState(users: MockUser[] = defaultUsers): ProviderState {
  return {
    clients: new Map(),
    users,
    interactions: new Map(),
    codes: new Map(),
    accessTokens: new Map(),
    refreshTokens: new Map(),
    rateWindows: new Map(),
    sessions: new Map(),
    consents: new Map(),
    dpop: createDpopState(),
    pushedRequests: new Map(),
  };
}

/** Disables or deletes a client; either way its tokens are refused from then on. `false` when there is no such client. */
export function retireClient(state: ProviderState, clientId: string, how: 'disable' | 'delete'): boolean {
  const client = state.clients.get(clientId);
  if (!client) return false;
  if (how === 'delete') state.clients.delete(clientId);
  else client.disabled = true;
  return true;
}

/** The client of an id if it is registered and not disabled: tokens of a client gone or disabled are refused. */
export function activeClient(state: ProviderState, clientId: string | undefined): MockClient | undefined {
  const client = state.clients.get(clientId ?? '');
  return client && !client.disabled ? client : undefined;
}
