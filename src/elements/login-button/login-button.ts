import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { createClient, type LoginMode, type OAuthClient } from '../../core/index.js';
import { ClientController } from '../client-controller.js';
import { defaultClientName, provideClient, watchClient } from '../client-registry.js';
import { OAuthLoginEvent, OAuthLogoutEvent } from '../events.js';
import { loginButtonStyles } from './login-button.styles.js';

/**
 * @summary A sign-in button: signs in with the code flow and PKCE by redirect or popup, then offers sign-out.
 *
 * @event oauth-login - A sign-in finished; `event.session` holds the session.
 * @event oauth-logout - The user signed out.
 * @event oauth-token-change - The session changed, here or in another tab.
 * @event oauth-error - A sign-in, callback or sign-out failed; `event.error.code` says how.
 *
 * @slot - The sign-in label.
 * @slot signed-in - The sign-out label.
 *
 * @csspart button - The button.
 * @csspart error - The error message.
 *
 * @cssproperty --oauth-button-background - The button's background.
 * @cssproperty --oauth-button-color - The button's text colour.
 * @cssproperty --oauth-radius - The button's corner radius.
 */
export class OAuthLoginButton extends LitElement {
  static override styles = loginButtonStyles;

  /** The provider's issuer identifier (a path is resolved against the page). */
  @property() issuer = '';
  /** The client id registered at the provider. */
  @property({ attribute: 'client-id' }) clientId = '';
  /** Space-separated scopes. */
  @property() scope = 'openid profile email';
  /** Full-page `redirect` or a `popup` window. */
  @property() mode: LoginMode = 'redirect';
  /** Where the provider returns; defaults to this page. */
  @property({ attribute: 'redirect-uri' }) redirectUri: string | undefined;
  /** Bind the tokens to this browser's key with DPoP (RFC 9449); the provider must support it. */
  @property({ type: Boolean }) dpop = false;
  /** The name of the page's client: the one this button provides, or follows when it has no issuer. */
  @property({ attribute: 'client' }) clientName = defaultClientName;

  @state() private _busy = false;

  readonly #clients = new ClientController(this);
  #unwatch: (() => void) | undefined;

  /** The client this button drives; made from the attributes unless set from script. */
  get client(): OAuthClient | undefined {
    return this.#clients.client;
  }

  set client(client: OAuthClient | undefined) {
    this.#stopWatching();
    this.#clients.use(client);
    if (client) provideClient(client, this.clientName);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.client) return;
    if (!this.issuer || !this.clientId) {
      this.#unwatch = watchClient(this.clientName, (client) => this.#clients.use(client));
      return;
    }
    let client: OAuthClient;
    try {
      client = createClient({ issuer: this.issuer, clientId: this.clientId, scope: this.scope, mode: this.mode, redirectUri: this.redirectUri, dpop: this.dpop });
    } catch (error) {
      this.#clients.fail(error);
      return;
    }
    this.client = client;
    this._busy = true;
    client
      .handleRedirect()
      .then((session) => session && this.dispatchEvent(new OAuthLoginEvent(session)))
      .catch((error: unknown) => this.#clients.fail(error))
      .finally(() => (this._busy = false));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopWatching();
  }

  #stopWatching(): void {
    this.#unwatch?.();
    this.#unwatch = undefined;
  }

  override render() {
    const session = this.#clients.session;
    const error = this.#clients.error;
    const who = session?.user?.name ?? session?.user?.preferred_username ?? session?.user?.email;
    return html`<button part="button" type="button" aria-busy=${this._busy ? 'true' : 'false'} ?disabled=${!this.client} @click=${this.#onClick}>
        ${session ? html`<slot name="signed-in">Sign out${who ? html` ${who}` : nothing}</slot>` : html`<slot>Sign in</slot>`}
      </button>${error ? html`<span part="error" role="alert">${error.message}</span>` : nothing}`;
  }

  #onClick(): void {
    const client = this.client;
    if (!client || this._busy) return;
    this._busy = true;
    const action = this.#clients.session
      ? client.logout().then(() => this.dispatchEvent(new OAuthLogoutEvent()))
      : client.login({ mode: this.mode }).then((session) => session && this.dispatchEvent(new OAuthLoginEvent(session)));
    action.catch((error: unknown) => this.#clients.fail(error)).finally(() => (this._busy = false));
  }
}
