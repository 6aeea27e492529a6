import { createSigningKey, type SigningKey } from './keys.js';

/** How the next token response of a client goes wrong (or slow). */
export type TokenFault =
  'rate_limited' | 'server_error' | 'malformed' | 'invalid_grant' | 'wrong_token_type' | 'no_access_token';

/** How the next id_token of a client is spoiled. */
export type IdTokenFault =
  | 'bad_signature'
  | 'alg_none'
  | 'hs256_public_key'
  | 'unknown_kid'
  | 'wrong_nonce'
  | 'wrong_iss'
  | 'wrong_aud'
  | 'expired'
  | 'future_iat'
  | 'other_sub'
  | 'wrong_at_hash'
  | 'other_tenant';

/** A one-shot scenario: it applies once, to the next matching request, then is gone. */
export type Scenario =
  | {
      next: 'token';
      fault?: TokenFault;
      delay?: number;
      retryAfter?: number;
      clientId?: string;
      profile?: string;
      /** Answer Bearer, unbound, whatever DPoP proof came. */ ignoreDpop?: boolean;
    }
  | { next: 'id_token'; fault: IdTokenFault; clientId?: string; profile?: string }
  | { next: 'authorization'; signInAs: string; clientId?: string; profile?: string }
  | { next: 'dpop_nonce'; clientId?: string; profile?: string }
  | { next: 'consent'; openerPolicy?: string; then?: ConsentStep; after?: number; clientId?: string; profile?: string };

/** What the consent page does by itself, as if its user had: answered, or closed the window. */
export type ConsentStep = 'approve' | 'deny' | 'close';

/** One request the provider answered. */
export interface LoggedRequest {
  at: number;
  profile: string;
  method: string;
  path: string;
  clientId: string | undefined;
  grantType: string | undefined;
  status: number;
}

/** The scriptable side of a mock provider: scenarios, the request log, the clock and the keys. */
export interface Control {
  scenarios: Scenario[];
  log: LoggedRequest[];
  /** Milliseconds added to the real clock. */
  offset: number;
  keys: Promise<SigningKey>[];
}

/** A fresh control with one signing key. */
export function createControl(): Control {
  return { scenarios: [], log: [], offset: 0, keys: [] };
}

/** Takes the first scenario of a kind that matches the profile and client, if any. */
export function takeScenario<K extends Scenario['next']>(
  control: Control,
  next: K,
  profile: string,
  clientId: string | undefined,
): Extract<Scenario, { next: K }> | undefined {
  const index = control.scenarios.findIndex(
    (scenario) =>
      scenario.next === next &&
      (scenario.profile ?? 'oidc') === profile &&
      (scenario.clientId === undefined || scenario.clientId === clientId),
  );
  if (index < 0) return undefined;
  return control.scenarios.splice(index, 1)[0] as Extract<Scenario, { next: K }>;
}

/** The current signing key, made on first use. */
export function currentKey(control: Control): Promise<SigningKey> {
  if (control.keys.length === 0) control.keys.push(createSigningKey());
  return control.keys[control.keys.length - 1] as Promise<SigningKey>;
}

/** A new signing key; the old one stays published so tokens already issued still verify. */
export function rotateKey(control: Control): void {
  control.keys.push(createSigningKey());
  if (control.keys.length > 2) control.keys.shift();
}
