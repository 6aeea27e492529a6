import { html, nothing, type PropertyDeclarations } from 'lit';
import {
  createClient,
  isOAuthError,
  type Flow,
  type LoginMode,
  type OAuthClient,
  type OAuthError,
  type ProfileId,
} from '../../core/index.js';
import { ClientController } from '../client-controller.js';
import { defaultClientName, provideClient } from '../client-registry.js';
import { OAuthErrorEvent, OAuthLoginCancelEvent, OAuthLoginEvent, OAuthLogoutEvent } from '../events.js';
import { OAuthElement } from '../oauth-element.js';
import { en } from '../strings/en.js';
import { fill } from '../text.js';
import { loginButtonStyles } from './login-button.styles.js';

/** What the button shows. */
export type LoginButtonState = 'signed-out' | 'busy' | 'signed-in' | 'error';

/** What the user sees for an error: the words for the codes a user can act on, the message otherwise. */
function errorText(strings: typeof en, error: OAuthError): string {
  if (error.code === 'popup_blocked') return strings.popupBlocked;
  if (error.code === 'access_denied') return strings.accessDenied;
  if (error.code === 'network_error') return strings.networkError;
  return fill(strings.signInFailed, { reason: error.message });
}

/**
 * @summary A sign-in button: signs in with the code flow and PKCE by redirect or popup, shows who is signed in, then offers sign-out.
 *
 * @event oauth-login - A sign-in finished; `event.session` holds the session.
 * @event oauth-logout - The user signed out; `event.result.providerSession` says whether the provider's session is `ending` or still `alive`.
 * @event oauth-login-cancel - The user closed the sign-in window; the button is ready again (an `oauth-error` with code `popup_closed` goes first).
 * @event oauth-token-change - The session changed, here or in another tab.
 * @event oauth-error - A sign-in, callback or sign-out failed; `event.error.code` says how.
 *
 * @slot - The sign-in label.
 * @slot signed-in - The sign-out label.
 * @slot busy - The label while signing in or out.
 *
 * @csspart button - The button.
 * @csspart avatar - The signed-in user's picture, or initials.
 * @csspart name - The signed-in user's name.
 * @csspart spinner - The busy indicator.
 * @csspart error - The error message.
 *
 * @cssproperty --oauth-button-background - The button's background.
 * @cssproperty --oauth-button-color - The button's text colour.
 * @cssproperty --oauth-radius - The button's corner radius.
 * @cssproperty --oauth-accent-color - The accent colour, the button's background by default.
 * @cssproperty --oauth-error-color - The error message's colour.
 * @cssproperty --oauth-focus-color - The focus ring's colour.
 * @cssproperty --oauth-color-scheme - `light`, `dark` or `light dark` (the default, following the user's preference).
 * @cssproperty --oauth-font-family - The font; the system's UI font by default (`inherit` takes the page's).
 */
export class OAuthLoginButton extends OAuthElement {
  static override styles = [...OAuthElement.styles, loginButtonStyles];
  static override properties: PropertyDeclarations = {
    issuer: {},
    clientId: { attribute: 'client-id' },
    scope: {},
    profile: {},
    flow: {},
    tokenEndpoint: { attribute: 'token-endpoint' },
    mode: {},
    popupFallback: { attribute: 'popup-fallback' },
    redirectUri: { attribute: 'redirect-uri' },
    dpop: { type: Boolean },
    par: { type: Boolean },
    authParams: { attribute: 'auth-params' },
    endSession: { type: Boolean, attribute: 'end-session' },
    postLogoutRedirectUri: { attribute: 'post-logout-redirect-uri' },
    clientName: { attribute: 'client' },
    state: { reflect: true },
    _busy: { state: true, attribute: false },
  };

  /** The provider's issuer identifier (a path is resolved against the page). */
  issuer = '';
  /** The client id registered at the provider. */
  clientId = '';
  /** Scopes, separated as the provider wants them; the profile's default when unset. */
  scope: string | undefined;
  /** A built-in provider profile (`oidc`, `redguy`, `rservice`, `panel`, `gearcode`, `phpapi`); OpenID discovery by default. */
  profile: ProfileId | undefined;
  /** `code` (the default) or `implicit`, where the profile offers it. */
  flow: Flow | undefined;
  /** The app's backend route that adds the client secret to the code exchange (see `oauth-elements/server`). */
  tokenEndpoint: string | undefined;
  /** Full-page `redirect` or a `popup` window; a redirect that nothing would outlive (the site's storage denied) goes by popup. */
  mode: LoginMode = 'redirect';
  /** What a blocked popup does: sign in by `redirect` instead, or `none` (say so and stay). */
  popupFallback: 'redirect' | 'none' = 'redirect';
  /** Where the provider returns; defaults to this page. */
  redirectUri: string | undefined;
  /** Bind the tokens to this browser's key with DPoP (RFC 9449); the provider must support it. */
  dpop = false;
  /** Push every authorization request first (RFC 9126); by default only where the provider requires it. */
  par = false;
  /** Extra authorization request parameters as a query string: `audience=https://api.example.com&prompt=login` (checked at sign-in). */
  authParams: string | undefined;
  /** Sign-out also ends the provider's session at its logout endpoint, where it has one. */
  endSession = false;
  /** Where the provider sends the user after ending its session (registered there). */
  postLogoutRedirectUri: string | undefined;
  /** The name of the page's client: the one this button provides, or follows when it has no issuer. */
  clientName = defaultClientName;
  /** The shown state, reflected for styling. */
  state: LoginButtonState = 'signed-out';

  private _busy = false;

  readonly #clients = new ClientController(this);

  /** The client this button drives; made from the attributes unless set from script. */
  get client(): OAuthClient | undefined {
    return this.#clients.client;
  }

  set client(client: OAuthClient | undefined) {
    this.#clients.follow(client);
    if (client) provideClient(client, this.clientName);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.client) return;
    if (!this.issuer || !this.clientId) {
      this.#clients.follow(this.clientName);
      return;
    }
    let client: OAuthClient;
    try {
      client = createClient({
        issuer: this.issuer,
        clientId: this.clientId,
        mode: this.mode,
        dpop: this.dpop,
        par: this.par,
        scope: this.scope,
        profile: this.profile,
        flow: this.flow,
        tokenEndpoint: this.tokenEndpoint,
        redirectUri: this.redirectUri,
        authorizationParams: this.authParams ? Object.fromEntries(new URLSearchParams(this.authParams)) : undefined,
      });
    } catch (error) {
      this.#clients.fail(error);
      return;
    }
    this.client = client;
    this.#run(client.handleRedirect().then((session) => session && this.dispatchEvent(new OAuthLoginEvent(session))));
  }

  /** True while the client loads its stored session: busy and disabled, so a signed-in user never sees "Sign in" flash. */
  get #loading(): boolean {
    return !!this.client && !this.#clients.loaded && !this.#clients.error;
  }

  get #busy(): boolean {
    return this._busy || this.#loading;
  }

  protected override willUpdate(): void {
    this.state = this.#busy
      ? 'busy'
      : this.#clients.error
        ? 'error'
        : this.#clients.session
          ? 'signed-in'
          : 'signed-out';
  }

  override render() {
    const strings = this.locale.of(en);
    const session = this.#clients.session;
    const error = this.#clients.error;
    const user = session?.user;
    const who = this.#clients.displayName ?? '';
    const busy = this.#busy;
    const label = busy
      ? html`<span part="spinner" aria-hidden="true"></span><slot name="busy">${session ? strings.signingOut : strings.signingIn}</slot>`
      : session
        ? html`${this.#avatar(who, user?.picture)}${who ? html`<span part="name">${who}</span>` : nothing}<slot name="signed-in">${strings.signOut}</slot>`
        : html`<slot>${strings.signIn}</slot>`;
    const said = busy ? '' : session ? fill(strings.signedInAs, { user: who || strings.someone }) : '';
    return html`<button part="button" type="button" aria-busy=${busy ? 'true' : 'false'} aria-disabled=${busy ? 'true' : 'false'} ?disabled=${!this.client || this.#loading} @click=${this.#onClick} @pointerenter=${this.#prepare} @focus=${this.#prepare}>${label}</button
      ><span class="sr-only" role="status">${said}</span>${error ? html`<span part="error" role="alert">${errorText(strings, error)}</span>` : nothing}`;
  }

  #avatar(who: string, picture: string | undefined) {
    if (picture) return html`<img part="avatar" src=${picture} alt="" width="24" height="24">`;
    const initials = who
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 2)
      .map((word) => word[0]?.toUpperCase())
      .join('');
    return initials ? html`<span part="avatar" aria-hidden="true">${initials}</span>` : nothing;
  }

  /** The pointer or the focus on the button: the client loads what the press will need. */
  #prepare(): void {
    void this.client?.prepare();
  }

  #onClick(): void {
    const client = this.client;
    if (!client || this.#busy) return;
    this.#clients.error = undefined;
    if (this.#clients.session) {
      const options = {
        endSession: this.endSession,
        ...(this.postLogoutRedirectUri ? { postLogoutRedirectUri: this.postLogoutRedirectUri } : {}),
      };
      this.#run(client.logout(options).then((result) => this.dispatchEvent(new OAuthLogoutEvent(result))));
    } else this.#run(this.#login(client, this.mode));
  }

  /** Signs in; the popup opens synchronously, inside the click. */
  #login(client: OAuthClient, mode: LoginMode): Promise<unknown> {
    return client.login({ mode }).then(
      (session) => session && this.dispatchEvent(new OAuthLoginEvent(session)),
      (error: unknown) => {
        if (isOAuthError(error, 'popup_closed')) {
          // Still a failure as the kit counts them (sent as oauth-error), but the user's choice: ready again, nothing shown.
          this.dispatchEvent(new OAuthErrorEvent(error));
          return this.dispatchEvent(new OAuthLoginCancelEvent());
        }
        // One fallback a press, from the mode asked for, never back again.
        if (mode === this.mode) {
          if (isOAuthError(error, 'popup_blocked') && this.popupFallback === 'redirect')
            return this.#login(client, 'redirect');
          // A redirect that nothing here would outlive (the site's storage denied): the same press signs in in a popup.
          if (isOAuthError(error, 'storage_unavailable') && mode === 'redirect') return this.#login(client, 'popup');
        }
        throw error;
      },
    );
  }

  #run(action: Promise<unknown>): void {
    this._busy = true;
    action.catch((error: unknown) => this.#clients.fail(error)).finally(() => (this._busy = false));
  }
}
