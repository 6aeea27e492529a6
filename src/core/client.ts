import { authorizationUrl } from './authorization-request.js';
import { checkCallback, readCallback, withoutCallbackParams } from './callback.js';
import { absoluteIssuer, resolveConfig, type ClientConfig, type LoginMode, type ResolvedConfig } from './config.js';
import { discover, type ProviderMetadata } from './discovery.js';
import { OAuthError } from './errors.js';
import { ClientErrorEvent, SessionChangeEvent, type ClientEventMap } from './events.js';
import { verifyIdToken, type UserClaims } from './id-token.js';
import { openPopup, relayToOpener, waitForPopupCallback } from './popup.js';
import { revokeToken } from './revocation.js';
import { isFresh, sessionOf, type Session } from './session.js';
import { indexedDbStore, type KeyValueStore } from './store.js';
import { requestToken } from './token-endpoint.js';
import { createTransaction, peekTransaction, saveTransaction, takeTransaction, type Transaction } from './transaction.js';
import { fetchUserInfo } from './userinfo.js';

/** Options of {@link OAuthClient.login}. */
export interface LoginOptions {
  mode?: LoginMode;
  /** A same-origin path to show after a redirect sign-in; defaults to the current page. */
  returnTo?: string;
  signal?: AbortSignal;
}

const sameOriginPath = (path: string): boolean => path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\');

/**
 * A browser public client: signs in with the authorization code flow and PKCE, keeps the session
 * in IndexedDB and tells listeners when it changes.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1
 * @see https://datatracker.ietf.org/doc/html/draft-ietf-oauth-browser-based-apps
 */
export class OAuthClient extends EventTarget {
  readonly config: ResolvedConfig;
  readonly #store: KeyValueStore;
  #session: Session | null = null;
  #loaded: Promise<Session | null> | undefined;
  #channel: BroadcastChannel | undefined;

  constructor(config: ClientConfig, store: KeyValueStore = indexedDbStore()) {
    super();
    this.config = resolveConfig(config);
    this.#store = store;
  }

  /** The current session, or `null` when signed out (read after {@link ready}). */
  get session(): Session | null {
    return this.#session;
  }

  /** The signed-in user's claims, if any. */
  get user(): UserClaims | undefined {
    return this.#session?.user;
  }

  get #issuer(): string {
    return absoluteIssuer(this.config.issuer);
  }

  get #key(): string {
    return `session:${this.#issuer} ${this.config.clientId} ${this.config.scope}`;
  }

  /** Loads the stored session once and starts listening to the other tabs. */
  ready(): Promise<Session | null> {
    this.#loaded ??= this.#guard(async () => {
      this.#listenToTabs();
      const stored = await this.#store.get<Session>(this.#key);
      this.#session = stored ?? null;
      return this.#session;
    });
    return this.#loaded;
  }

  /**
   * Finishes a sign-in when `href` is a callback, and removes the response from the address bar.
   * Resolves to `null` when `href` is no callback.
   */
  handleRedirect(href: string = location.href): Promise<Session | null> {
    return this.#guard(async () => {
      const params = this.#callbackOf(href);
      if (!params) return null;
      await this.ready();
      const pending = await peekTransaction(this.#store, params.state);
      if (pending?.mode === 'popup') {
        relayToOpener(href, params.state);
        return null;
      }
      return this.#finish(href);
    });
  }

  /**
   * Starts a sign-in. In popup mode the window opens synchronously, inside the caller's click,
   * and the promise settles with the session or an {@link OAuthError}; in redirect mode the page leaves.
   */
  login(options: LoginOptions = {}): Promise<Session | null> {
    const mode = options.mode ?? this.config.mode;
    const popup = mode === 'popup' ? openPopup() : null;
    return this.#guard(async () => {
      if (mode === 'popup' && !popup) throw new OAuthError('popup_blocked', 'the browser blocked the sign-in window');
      const returnTo = options.returnTo ?? `${location.pathname}${location.search}${location.hash}`;
      if (!sameOriginPath(returnTo)) throw new TypeError('returnTo must be a same-origin path');
      try {
        const metadata = await discover(this.#issuer, options.signal);
        const transaction = createTransaction({
          issuer: this.#issuer,
          clientId: this.config.clientId,
          redirectUri: this.config.redirectUri ?? `${location.origin}${location.pathname}`,
          mode,
          returnTo,
        });
        await saveTransaction(this.#store, transaction);
        const url = await authorizationUrl(metadata, this.config, transaction);
        if (!popup) {
          location.assign(url);
          return null;
        }
        popup.location.replace(url.href);
        const href = await waitForPopupCallback(popup, transaction.state, this.config.popupTimeout, options.signal);
        return await this.#finish(href);
      } catch (error) {
        if (popup && !popup.closed) popup.close();
        throw error;
      }
    });
  }

  /** A valid access token for the signed-in user; `login_required` when there is none. */
  getAccessToken(): Promise<string> {
    return this.#guard(async () => {
      const session = await this.ready();
      if (session && isFresh(session, 5)) return session.accessToken;
      if (session) await this.#setSession(null);
      throw new OAuthError('login_required', 'nobody is signed in, or the session has expired');
    });
  }

  /** Revokes the tokens where the provider allows it, clears storage and tells the other tabs. */
  logout(): Promise<void> {
    return this.#guard(async () => {
      const session = await this.ready();
      await this.#setSession(null);
      if (!session) return;
      const metadata = await discover(this.#issuer).catch(() => undefined);
      const endpoint = metadata?.revocation_endpoint;
      if (!endpoint) return;
      if (session.refreshToken) await revokeToken(endpoint, this.config.clientId, session.refreshToken, 'refresh_token');
      await revokeToken(endpoint, this.config.clientId, session.accessToken, 'access_token');
    });
  }

  override addEventListener<K extends keyof ClientEventMap>(
    type: K,
    listener: ((event: ClientEventMap[K]) => void) | EventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ): void {
    super.addEventListener(type, listener as EventListenerOrEventListenerObject | null, options);
  }

  override removeEventListener<K extends keyof ClientEventMap>(
    type: K,
    listener: ((event: ClientEventMap[K]) => void) | EventListenerObject | null,
    options?: boolean | EventListenerOptions,
  ): void {
    super.removeEventListener(type, listener as EventListenerOrEventListenerObject | null, options);
  }

  #callbackOf(href: string): ReturnType<typeof readCallback> {
    try {
      return readCallback(href);
    } catch (error) {
      this.#scrub(href);
      throw error;
    }
  }

  async #finish(href: string): Promise<Session> {
    const params = readCallback(href);
    if (!params) throw new OAuthError('invalid_callback', 'the sign-in window returned no authorization response');
    this.#scrub(href);
    const transaction = await takeTransaction(this.#store, params.state);
    if (!transaction || transaction.issuer !== this.#issuer || transaction.clientId !== this.config.clientId) {
      throw new OAuthError('invalid_state', 'the callback matches no sign-in started here');
    }
    const metadata = await discover(this.#issuer);
    const code = checkCallback(params, metadata);
    const response = await requestToken(metadata.token_endpoint, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: transaction.redirectUri,
      client_id: this.config.clientId,
      code_verifier: transaction.verifier,
    });
    const user = await this.#userOf(metadata, transaction, response.id_token, response.access_token);
    const session = sessionOf(response, this.config.scope, user);
    await this.#setSession(session);
    if (transaction.mode === 'redirect' && href === location.href && sameOriginPath(transaction.returnTo)) {
      history.replaceState(history.state, '', transaction.returnTo);
    }
    return session;
  }

  async #userOf(metadata: ProviderMetadata, transaction: Transaction, idToken: string | undefined, accessToken: string): Promise<UserClaims | undefined> {
    const wantsIdToken = this.config.scope.split(' ').includes('openid');
    if (wantsIdToken && !idToken) throw new OAuthError('invalid_token_response', 'the token response has no id_token');
    let claims: UserClaims | undefined;
    if (idToken) {
      if (!metadata.jwks_uri) throw new OAuthError('invalid_discovery', 'the provider publishes no jwks_uri');
      claims = await verifyIdToken(idToken, {
        issuer: metadata.issuer,
        clientId: this.config.clientId,
        nonce: transaction.nonce,
        jwksUri: metadata.jwks_uri,
        clockSkew: this.config.clockSkew,
      });
    }
    if (metadata.userinfo_endpoint && !claims?.name) {
      const info = await fetchUserInfo(metadata.userinfo_endpoint, accessToken, claims?.sub);
      claims = { ...info, ...claims };
    }
    return claims;
  }

  #scrub(href: string): void {
    if (typeof location !== 'undefined' && href === location.href) {
      history.replaceState(history.state, '', withoutCallbackParams(href));
    }
  }

  async #setSession(session: Session | null): Promise<void> {
    if (session) await this.#store.set(this.#key, session);
    else await this.#store.delete(this.#key);
    this.#session = session;
    this.#loaded = Promise.resolve(session);
    this.#channel?.postMessage({ key: this.#key });
    this.dispatchEvent(new SessionChangeEvent(session));
  }

  #listenToTabs(): void {
    if (this.#channel || typeof BroadcastChannel === 'undefined') return;
    this.#channel = new BroadcastChannel('oauth-elements:session');
    this.#channel.onmessage = async (event: MessageEvent<{ key?: string }>) => {
      if (event.data?.key !== this.#key) return;
      this.#session = (await this.#store.get<Session>(this.#key).catch(() => null)) ?? null;
      this.#loaded = Promise.resolve(this.#session);
      this.dispatchEvent(new SessionChangeEvent(this.#session));
    };
  }

  async #guard<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      if (error instanceof OAuthError) this.dispatchEvent(new ClientErrorEvent(error));
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
