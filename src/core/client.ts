import { isCallback, withoutCallbackParams } from './callback/callback-url.js';
import { resolveConfig, type ClientConfig, type LoginMode, type ResolvedConfig } from './config.js';
import { dpopSigner } from './dpop/dpop.js';
import { invalidConfig, OAuthError } from './errors.js';
import {
  ClientErrorEvent,
  RenewalEvent,
  SessionChangeEvent,
  StorageFallbackEvent,
  type ClientEventMap,
} from './events.js';
import type { UserClaims } from './session.js';
import { openPopup } from './callback/popup-window.js';
import { isFresh, renewalDueAt, type Session } from './session.js';
import type { ClientContext } from './client-context.js';
import { sessionStore } from './storage/session-store.js';
import type { LogoutOptions, LogoutResult } from './sign-out.js';
import { sealedStore } from './storage/sealed-store.js';
import { fallbackStore, indexedDbStore, type KeyValueStore } from './storage/store.js';
import { pageCallback } from './callback/page-callback.js';
import { mark } from './marks.js';

// What runs before the first click or renewal is here; signing in, then renewing and signing out, load on first use.
const signInParts = () => import('./sign-in/sign-in-parts.js');
const parts = () => import('./client-parts.js');

/** Options of {@link OAuthClient.login}. */
export interface LoginOptions {
  mode?: LoginMode;
  /** A same-origin path to show after a redirect sign-in; defaults to the current page. */
  returnTo?: string;
  /** Extra authorization request parameters for this sign-in, over the configuration's (`prompt: 'login'`, `login_hint`). */
  authorizationParams?: Record<string, string>;
  signal?: AbortSignal;
}

// Read as the URL parser reads it, which drops tabs and newlines and takes a backslash for a slash: `/<tab>/evil` is `//evil`, another host.
const sameOriginPath = (path: string): boolean => /^\/(?![/\\])/.test(path.replace(/\s/g, ''));
const maxTimeout = 2 ** 31 - 1;

// The client's events by name, for listeners' types only: declared, not overridden, so no code ships for it.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface OAuthClient {
  addEventListener<K extends keyof ClientEventMap>(
    type: K,
    listener: ((event: ClientEventMap[K]) => void) | EventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ): void;
  removeEventListener<K extends keyof ClientEventMap>(
    type: K,
    listener: ((event: ClientEventMap[K]) => void) | EventListenerObject | null,
    options?: boolean | EventListenerOptions,
  ): void;
}

/**
 * A browser public client: signs in with the authorization code flow and PKCE (or the implicit flow
 * where asked), keeps the session in IndexedDB, renews it once across tabs, and tells listeners.
 * @see https://www.rfc-editor.org/rfc/rfc6749
 * @see https://datatracker.ietf.org/doc/html/draft-ietf-oauth-browser-based-apps
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class OAuthClient extends EventTarget {
  readonly config: ResolvedConfig;
  readonly #store: KeyValueStore;
  readonly #ctx: ClientContext;
  #session: Session | null = null;
  #loaded: Promise<Session | null> | undefined;
  #renewing: Promise<Session> | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #told = new WeakSet<OAuthError>();

  constructor(config: ClientConfig, store?: KeyValueStore) {
    super();
    this.config = resolveConfig(config);
    this.#store =
      store ??
      sealedStore(fallbackStore(indexedDbStore(), (error) => this.dispatchEvent(new StorageFallbackEvent(error))));
    this.#ctx = {
      config: this.config,
      store: this.#store,
      metadata: async (signal) => (await signInParts()).metadataOf(this.config, signal),
      dpop: this.config.dpop ? dpopSigner(this.#store) : undefined,
      notify: (event) => this.dispatchEvent(event),
      sessions: sessionStore(this.#store, this.config, (session) => this.#apply(session)),
      renewsSilently: this.#renewsSilently,
      adopt: (session) => this.#adopted(session),
    };
  }

  /** The current session, or `null` when signed out (read after {@link ready}). */
  get session(): Session | null {
    return this.#session;
  }

  /** The signed-in user's claims, if any. */
  get user(): UserClaims | undefined {
    return this.#session?.user;
  }

  /** Loads the stored session once, follows the other tabs, and keeps the token renewed. */
  ready(): Promise<Session | null> {
    this.#loaded ??= this.#guard(async () => {
      this.#listen();
      this.#session = await this.#ctx.sessions.read();
      mark('session-loaded');
      this.#schedule();
      return this.#session;
    });
    return this.#loaded;
  }

  /**
   * Finishes a sign-in when `href` is a callback and removes the response from the address bar.
   * Resolves to `null` when `href` is no callback (or a popup's, which is handed to its opener).
   */
  handleRedirect(href?: string, options: { signal?: AbortSignal } = {}): Promise<Session | null> {
    return this.#guard(async () => {
      if (href === undefined && typeof location === 'undefined') return null;
      const target = href === undefined || href === location.href ? pageCallback() : href;
      if (!isCallback(target)) return null;
      mark('callback');
      // The stored session loads while the callback is answered; the new one is stored after it (#setSession).
      const answered = signInParts().then((loaded) => {
        mark('sign-in-code-loaded');
        return loaded.answerCallback(this.#ctx, target, options.signal);
      });
      const [, session] = await Promise.all([this.ready(), answered]);
      if (!session) return null;
      mark('signed-in');
      if (typeof location !== 'undefined' && withoutCallbackParams(target) === location.href) {
        const returnTo = session.returnTo;
        if (sameOriginPath(returnTo)) history.replaceState(history.state, '', returnTo);
      }
      return session.session;
    });
  }

  /**
   * Starts a sign-in. In popup mode the window opens synchronously, inside the caller's click, and
   * the promise settles with the session or an {@link OAuthError}; in redirect mode the page leaves.
   */
  login(options: LoginOptions = {}): Promise<Session | null> {
    const mode = options.mode ?? this.config.mode;
    // Up to the popup's opening nothing is awaited: it opens inside the caller's click, once returnTo is known to be ours.
    return this.#guard(async () => {
      const returnTo = options.returnTo ?? `${location.pathname}${location.search}${location.hash}`;
      if (!sameOriginPath(returnTo)) throw invalidConfig('returnTo must be a same-origin path');
      const popup = mode === 'popup' ? openPopup() : null;
      if (mode === 'popup' && !popup) throw new OAuthError('popup_blocked', 'the browser blocked the sign-in window');
      try {
        return await (
          await signInParts()
        ).signIn(this.#ctx, popup, returnTo, options.authorizationParams, options.signal);
      } catch (error) {
        if (popup && !popup.closed) popup.close();
        throw error;
      }
    });
  }

  /**
   * Loads what a sign-in or sign-out needs (its code and the provider's metadata) ahead of the press,
   * so that the press goes straight to the provider. Always resolves: a failure shows at the press.
   */
  async prepare(): Promise<void> {
    await this.#ctx.metadata().catch(() => undefined);
  }

  /**
   * A valid access token, renewed first when it is about to expire (once across tabs);
   * `login_required` when nobody is signed in or the session cannot be renewed.
   */
  getAccessToken(options: { signal?: AbortSignal } = {}): Promise<string> {
    return this.#guard(async () => {
      const session = await this.ready();
      if (!session) throw new OAuthError('login_required', 'nobody is signed in');
      if (isFresh(session, this.config.renewBefore)) return session.accessToken;
      return (await this.#renew(options.signal)).accessToken;
    });
  }

  /**
   * `fetch` for the app's API, with a valid access token attached: `Authorization: DPoP` and a proof
   * for a DPoP-bound token (retried once with the server's nonce), `Bearer` otherwise. Only to the
   * page's origin, the issuer's and `resourceOrigins`: a request elsewhere goes without the token.
   * @see https://www.rfc-editor.org/rfc/rfc9449#section-7
   */
  fetch(input: string | URL, init: RequestInit = {}): Promise<Response> {
    const session = async (): Promise<Session | null> => {
      await this.getAccessToken(init.signal ? { signal: init.signal } : {});
      return this.#session;
    };
    return this.#guard(async () =>
      (await parts()).fetchResource(this.config, new URL(input, location.href), init, session, this.#ctx.dpop),
    );
  }

  /**
   * Revokes the tokens where the provider allows it, clears storage and tells the other tabs; with
   * `endSession`, ends the provider's session where it lets the app. Resolves to what it did: a
   * provider session that is still alive is said so, never passed off as ended.
   */
  logout(options: LogoutOptions = {}): Promise<LogoutResult> {
    return this.#guard(async () => (await parts()).signOut(this.#ctx, options, () => this.ready()));
  }

  /** Renews the token once across tabs, and once in this tab however many callers ask. */
  #renew(signal?: AbortSignal): Promise<Session> {
    this.#renewing ??= this.#renewAcrossTabs(signal).finally(() => {
      this.#renewing = undefined;
      this.dispatchEvent(new RenewalEvent('idle'));
    });
    return this.#renewing;
  }

  async #renewAcrossTabs(signal?: AbortSignal): Promise<Session> {
    this.dispatchEvent(new RenewalEvent('renewing'));
    return (await parts()).renewAcrossTabs(this.#ctx, signal);
  }

  #adopted(session: Session): Session {
    if (session.accessToken !== this.#session?.accessToken) this.#apply(session);
    return session;
  }

  /** Whether a session without a refresh token is renewed in a hidden frame (OpenID providers, code flow). */
  get #renewsSilently(): boolean {
    return (
      this.config.silentRenew &&
      this.config.profile.discovery &&
      this.config.flow === 'code' &&
      typeof document !== 'undefined'
    );
  }

  /** Whether a session without a refresh token here is renewed: in a hidden frame, or by the app's backend, which keeps it (backend.ts). */
  get #renewsWithoutRefreshToken(): boolean {
    return (
      this.#renewsSilently ||
      (this.config.tokenEndpoint !== undefined && this.config.flow === 'code' && this.config.profile.refresh)
    );
  }

  #apply(session: Session | null): void {
    this.#session = session;
    this.#loaded = Promise.resolve(session);
    this.#schedule();
    this.dispatchEvent(new SessionChangeEvent(session));
  }

  /** Renews a little before expiry; timers stall in sleeping or hidden tabs, so wake-ups check again. */
  #schedule(): void {
    clearTimeout(this.#timer);
    const dueAt = this.#session ? renewalDueAt(this.#session, this.config.renewBefore) : undefined;
    if (dueAt === undefined || !(this.#session?.refreshToken || this.#renewsWithoutRefreshToken)) return;
    const delay = Math.min(maxTimeout, Math.max(0, dueAt - Date.now()));
    this.#timer = setTimeout(() => this.#renewIfDue(), delay);
  }

  #renewIfDue(): void {
    const session = this.#session;
    if (!session || !(session.refreshToken || this.#renewsWithoutRefreshToken)) return;
    // Firefox fires a timer up to a millisecond before Date.now() reaches its time: look again then.
    if (isFresh(session, this.config.renewBefore)) return this.#schedule();
    this.#guard(() => this.#renew()).catch(() => undefined);
  }

  #listen(): void {
    // Once, from ready(). Only a page has tabs to follow and wake-ups to hear; on a server (SSR) there is nothing to listen to.
    if (typeof document === 'undefined') return;
    this.#ctx.sessions.listen();
    const wake = (): void => this.#renewIfDue();
    document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && wake());
    addEventListener('pageshow', wake);
    addEventListener('online', wake);
  }

  /** Tells listeners of a failure once, however many of the client's calls it passes through (fetch() through getAccessToken(), a renewal two callers wait for). */
  async #guard<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      if (error instanceof OAuthError && !this.#told.has(error)) {
        this.#told.add(error);
        this.dispatchEvent(new ClientErrorEvent(error));
      }
      throw error;
    }
  }
}

/**
 * Makes a client for one provider and one app.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-2.1
 */
export function createClient(config: ClientConfig): OAuthClient {
  return new OAuthClient(config);
}
