import type { OAuthError } from './errors.js';
import type { Session } from './session.js';

/** Fired by a client when its session starts, changes or ends, in this tab or another. */
export class SessionChangeEvent extends Event {
  constructor(readonly session: Session | null) {
    super('change');
  }
}

/** Fired by a client for every failure it also throws. */
export class ClientErrorEvent extends Event {
  constructor(readonly error: OAuthError) {
    super('error');
  }
}

/** Fired once when IndexedDB fails and the session lives in memory from then on (lost on reload). */
export class StorageFallbackEvent extends Event {
  constructor(readonly error: OAuthError) {
    super('storage-fallback');
  }
}

/** Fired while a token is being renewed (`renewing`), and when that ends (`idle`). */
export class RenewalEvent extends Event {
  constructor(readonly phase: 'renewing' | 'idle') {
    super('renewal');
  }
}

/**
 * Fired when a provider answered a DPoP client with a token of another type (`Bearer`) and the app
 * allowed it (`dpop: 'prefer'`): from then on the session's tokens are not bound to this browser.
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-5
 */
export class DpopFallbackEvent extends Event {
  constructor(readonly tokenType: string) {
    super('dpop-fallback');
  }
}

/** The events an {@link OAuthClient} dispatches. */
export interface ClientEventMap {
  change: SessionChangeEvent;
  error: ClientErrorEvent;
  'storage-fallback': StorageFallbackEvent;
  renewal: RenewalEvent;
  'dpop-fallback': DpopFallbackEvent;
}
