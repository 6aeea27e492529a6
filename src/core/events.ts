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

/** The events an {@link OAuthClient} dispatches. */
export interface ClientEventMap {
  change: SessionChangeEvent;
  error: ClientErrorEvent;
}
