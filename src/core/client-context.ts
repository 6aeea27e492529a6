import type { ResolvedConfig } from './config.js';
import type { DpopSigner } from './dpop/dpop-signer.js';
import type { ProviderMetadata } from './provider/discovery.js';
import type { Session } from './session.js';
import type { SessionStore } from './storage/session-store.js';
import type { KeyValueStore } from './storage/store.js';

/** What signing in needs from the client. */
export interface SignInContext {
  config: ResolvedConfig;
  store: KeyValueStore;
  metadata: (signal?: AbortSignal) => Promise<ProviderMetadata>;
  /** Set when the client binds its tokens with DPoP. */
  dpop?: DpopSigner | undefined;
  /** Dispatches an event of the client's (`dpop-fallback`). */
  notify?: (event: Event) => void;
}

/** What the client's parts that load on first use (sign-in, renewal, sign-out) need of it. */
export interface ClientContext extends SignInContext {
  /** Its session in storage: sign-in and renewal write it there, and the client hears of it. */
  readonly sessions: SessionStore;
  /** Whether a session without a refresh token is renewed in a hidden frame. */
  readonly renewsSilently: boolean;
  /** Takes a session another tab stored, telling the listeners if it is new here. */
  adopt(session: Session): Session;
}
