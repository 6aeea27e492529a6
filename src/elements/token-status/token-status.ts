import { html, LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { OAuthClient } from '../../core/index.js';
import { ClientController } from '../client-controller.js';
import { defaultClientName, watchClient } from '../client-registry.js';
import { tokenStatusStyles } from './token-status.styles.js';

/** What the status shows. */
export type TokenState = 'signed-out' | 'valid' | 'expired' | 'error';

function formatRemaining(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  return minutes >= 60 ? `${Math.floor(minutes / 60)} h ${minutes % 60} min` : `${minutes} min ${seconds % 60} s`;
}

/**
 * @summary Shows who is signed in and how long the access token has left, counting down.
 *
 * @event oauth-token-change - The session changed, here or in another tab.
 * @event oauth-error - The client failed to load its session.
 *
 * @csspart indicator - The coloured dot.
 * @csspart label - Who is signed in, announced politely when it changes.
 * @csspart time - The time the access token has left, counting down.
 *
 * @cssproperty --oauth-status-valid - The dot's colour while the token is valid.
 * @cssproperty --oauth-status-expired - The dot's colour once it has expired.
 * @cssproperty --oauth-status-signed-out - The dot's colour when nobody is signed in.
 */
export class OAuthTokenStatus extends LitElement {
  static override styles = tokenStatusStyles;

  /** The name of the client to follow (the one a login button provides under that name). */
  @property({ attribute: 'client' }) clientName = defaultClientName;
  /** The shown state, reflected for styling. */
  @property({ reflect: true }) state: TokenState = 'signed-out';

  @state() private _now = Date.now();

  readonly #clients = new ClientController(this);
  #unwatch: (() => void) | undefined;
  #timer: ReturnType<typeof setInterval> | undefined;

  /** The client followed; set it from script to follow one no button provides. */
  get client(): OAuthClient | undefined {
    return this.#clients.client;
  }

  set client(client: OAuthClient | undefined) {
    this.#unwatch?.();
    this.#unwatch = undefined;
    this.#clients.use(client);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.client) this.#unwatch = watchClient(this.clientName, (client) => this.#clients.use(client));
    this.#timer = setInterval(() => (this._now = Date.now()), 1000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unwatch?.();
    this.#unwatch = undefined;
    clearInterval(this.#timer);
  }

  protected override willUpdate(): void {
    const session = this.#clients.session;
    if (this.#clients.error) this.state = 'error';
    else if (!session) this.state = 'signed-out';
    else this.state = session.expiresAt !== undefined && session.expiresAt <= this._now ? 'expired' : 'valid';
  }

  override render() {
    const session = this.#clients.session;
    const user = session?.user;
    const who = user?.name ?? user?.preferred_username ?? user?.email ?? user?.sub ?? 'someone';
    const labels: Record<TokenState, string> = {
      'signed-out': 'Signed out',
      valid: `Signed in as ${who}`,
      expired: `${who}: session expired`,
      error: this.#clients.error?.message ?? 'Error',
    };
    const left = this.state === 'valid' && session?.expiresAt !== undefined
      ? `${formatRemaining(Math.max(0, Math.floor((session.expiresAt - this._now) / 1000)))} left`
      : '';
    return html`<span part="indicator" aria-hidden="true"></span><span part="label" role="status" aria-live="polite">${labels[this.state]}</span>${left ? html`<span part="time">${left}</span>` : ''}`;
  }
}
