import { adoptStyles, nothing, type PropertyDeclarations } from 'lit';
import type { OAuthClient, OAuthError } from '../../core/index.js';
import { ClientController } from '../client-controller.js';
import { defaultClientName } from '../client-registry.js';
import { OAuthElement } from '../oauth-element.js';
import { en } from '../strings/en.js';
import type { TokenState } from './token-status-view.js';

type View = typeof import('./token-status-view.js');
let view: Promise<View> | undefined;
/** The status's look and words (`token-status-view.ts`), loaded once for every status of the page. */
const loadView = (): Promise<View> => (view ??= import('./token-status-view.js'));

export type { TokenState } from './token-status-view.js';

/** Failures of a user's sign-in attempt, which the sign-in button reports; the status shows only the session's own. */
const interactionCodes = new Set([
  'popup_closed',
  'popup_blocked',
  'popup_timeout',
  'aborted',
  'access_denied',
  'login_required',
]);

/**
 * @summary Shows who is signed in, with which scopes, and how long the access token has left, counting down; renewals, expiry and errors are announced politely.
 *
 * @event oauth-token-change - The session changed, here or in another tab.
 * @event oauth-error - The client failed to load its session.
 *
 * @csspart base - The badge or card.
 * @csspart indicator - The coloured dot.
 * @csspart label - The state and who is signed in, announced politely when it changes.
 * @csspart time - The time the access token has left, counting down.
 * @csspart scopes - The granted scopes (detailed variant).
 * @csspart scope - One granted scope.
 * @csspart note - A note that the session is kept in memory only (detailed variant).
 *
 * @cssproperty --oauth-status-valid - The dot's colour while the token is valid.
 * @cssproperty --oauth-status-expiring - The dot's colour while the token expires soon or renews.
 * @cssproperty --oauth-status-expired - The dot's colour once it has expired, or on error.
 * @cssproperty --oauth-status-signed-out - The dot's colour when nobody is signed in.
 * @cssproperty --oauth-background - The badge's or card's background.
 * @cssproperty --oauth-color - The text colour.
 * @cssproperty --oauth-border-color - The border colour.
 * @cssproperty --oauth-color-scheme - `light`, `dark` or `light dark` (the default, following the user's preference).
 * @cssproperty --oauth-font-family - The font; the system's UI font by default (`inherit` takes the page's).
 */
export class OAuthTokenStatus extends OAuthElement {
  static override properties: PropertyDeclarations = {
    clientName: { attribute: 'client' },
    variant: { reflect: true },
    warnBefore: { attribute: 'warn-before', type: Number },
    state: { reflect: true },
    _now: { state: true, attribute: false },
  };

  /** The name of the client to follow (the one a login button provides under that name). */
  clientName = defaultClientName;
  /** A compact `badge`, or a `detailed` card with the scopes. */
  variant: 'badge' | 'detailed' = 'badge';
  /** Seconds before expiry from which the token counts as expiring soon. */
  warnBefore = 60;
  /** The shown state, reflected for styling. */
  state: TokenState = 'signed-out';

  private _now = Date.now();

  readonly #clients = new ClientController(this);
  #timer: ReturnType<typeof setInterval> | undefined;
  #view: View | undefined;

  /** The client followed; set it from script to follow one no button provides. */
  get client(): OAuthClient | undefined {
    return this.#clients.client;
  }

  set client(client: OAuthClient | undefined) {
    this.#clients.follow(client);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.client) this.#clients.follow(this.clientName);
    this.#timer = setInterval(() => (this._now = Date.now()), 1000);
    void loadView().then((loaded) => {
      if (this.#view) return;
      this.#view = loaded;
      adoptStyles(this.renderRoot as ShadowRoot, [
        ...(this.constructor as typeof OAuthTokenStatus).elementStyles,
        loaded.tokenStatusStyles,
      ]);
      this.requestUpdate();
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.#timer);
  }

  get #error(): OAuthError | undefined {
    const { error, clientError } = this.#clients;
    return error ?? (clientError && !interactionCodes.has(clientError.code) ? clientError : undefined);
  }

  protected override willUpdate(): void {
    const session = this.#clients.session;
    const left = session?.expiresAt === undefined ? Infinity : session.expiresAt - this._now;
    if (this.#clients.error) this.state = 'error';
    else if (session && this.#clients.renewing) this.state = 'refreshing';
    else if (this.#error) this.state = 'error';
    else if (!session) this.state = 'signed-out';
    else if (left <= 0) this.state = 'expired';
    else this.state = left <= this.warnBefore * 1000 ? 'expiring-soon' : 'valid';
  }

  override render() {
    return (
      this.#view?.renderStatus({
        state: this.state,
        strings: this.locale.of({ ...en, ...this.#view.enStatus }),
        session: this.#clients.session,
        who: this.#clients.displayName,
        error: this.#error,
        variant: this.variant,
        memoryOnly: this.#clients.memoryOnly,
        now: this._now,
      }) ?? nothing
    );
  }

  /** Settles once the view has loaded and the status shows its state. */
  protected override async getUpdateComplete(): Promise<boolean> {
    await loadView();
    return super.getUpdateComplete();
  }
}
