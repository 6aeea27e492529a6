// A stand-in client for stories: its state is whatever the story says, and it never talks to a provider.
// (Tests use the real client against the mock provider; stories show states, some of which take minutes to reach.)
import {
  ClientErrorEvent,
  OAuthError,
  RenewalEvent,
  SessionChangeEvent,
  StorageFallbackEvent,
  type OAuthClient,
  type Session,
} from '../src/core/index.js';

/** What a story's client reports. */
export interface StoryClientState {
  session?: Session | null;
  /** Never finishes loading its session. */
  loading?: boolean;
  /** Fails to load, with this error. */
  failure?: OAuthError;
  /** Reports a renewal in progress. */
  renewing?: boolean;
  /** Reports this error, as after a failed renewal. */
  error?: OAuthError;
  /** Reports that the session lives in memory only. */
  memoryOnly?: boolean;
}

class StoryClient extends EventTarget {
  session: Session | null;
  readonly #state: StoryClientState;

  constructor(state: StoryClientState) {
    super();
    this.#state = state;
    this.session = state.session ?? null;
  }

  get user() {
    return this.session?.user;
  }

  ready(): Promise<Session | null> {
    const state = this.#state;
    if (state.loading) return new Promise(() => undefined);
    if (state.failure) return Promise.reject(state.failure);
    setTimeout(() => {
      if (state.renewing) this.dispatchEvent(new RenewalEvent('renewing'));
      if (state.error) this.dispatchEvent(new ClientErrorEvent(state.error));
      if (state.memoryOnly)
        this.dispatchEvent(new StorageFallbackEvent(new OAuthError('storage_unavailable', 'IndexedDB is unavailable')));
    });
    return Promise.resolve(this.session);
  }

  /** Stays busy: a story never leaves the page. */
  login(): Promise<Session | null> {
    return new Promise(() => undefined);
  }

  async logout(): Promise<void> {
    this.session = null;
    this.dispatchEvent(new SessionChangeEvent(null));
  }
}

/** A client in the given state, for an element's `client` property. */
export const storyClient = (state: StoryClientState = {}): OAuthClient =>
  new StoryClient(state) as unknown as OAuthClient;

const avatar = `data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" fill="#8250df"/><text x="16" y="21" font-size="14" text-anchor="middle" fill="#fff" font-family="sans-serif">AL</text></svg>')}`;

/** Alice, with a picture. */
export const alice = { sub: 'alice', name: 'Alice Liddell', email: 'alice@example.com', picture: avatar };

/** A session whose access token has `secondsLeft` to live. */
export function sessionFor(
  secondsLeft: number,
  user: Session['user'] = alice,
  scope = 'openid profile email offline_access',
): Session {
  return {
    accessToken: 'story-token',
    tokenType: 'Bearer',
    expiresAt: Date.now() + secondsLeft * 1000,
    scope,
    ...(user ? { user } : {}),
  };
}
