import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { OAuthConsentEvent } from '../events.js';
import { OAuthElement } from '../oauth-element.js';
import { fill } from '../text.js';
import { isImageIcon } from './image-icon.js';
import { consentPopupStyles } from './consent-popup.styles.js';
import { enConsent } from '../strings/en-consent.js';
import { fallbackIcon, namedIcons } from './icons.js';

/** A scope as the consent dialog shows it. */
export interface ConsentScope {
  id: string;
  name: string;
  /** May hold `{user}` and `{client_name}`. */
  description?: string;
  /** An image URL, or the name of a built-in icon. */
  icon?: string;
  /** Cannot be left out of a partial grant (`openid` always is). */
  required?: boolean;
}

/**
 * @summary A modal consent dialog: who asks, for what, approve or deny; with `partial`, the user may leave scopes out.
 * Inside a form it posts the decision as its `name` (and, with `partial`, the granted scopes as `scope`);
 * the form's own content shows where script does not run.
 *
 * @event oauth-consent - The user approved or denied; `event.decision` says which, `event.scopes` what was granted. Cancel it to keep the form from posting.
 *
 * @slot account - Shown above the buttons, such as a choice of account.
 *
 * @csspart dialog - The native dialog.
 * @csspart header - The client's identity.
 * @csspart logo - The client's icon.
 * @csspart homepage - The link to the client's homepage.
 * @csspart scopes - The list of requested scopes.
 * @csspart scope - One requested scope.
 * @csspart scope-icon - A scope's icon.
 * @csspart checkbox - A scope's checkbox (with `partial`).
 * @csspart actions - The buttons.
 * @csspart approve - The approve button.
 * @csspart deny - The deny button.
 *
 * @cssproperty --oauth-background - The dialog's background.
 * @cssproperty --oauth-color - The dialog's text colour.
 * @cssproperty --oauth-border-color - The borders' colour.
 * @cssproperty --oauth-backdrop - The backdrop behind the dialog.
 * @cssproperty --oauth-button-background - The approve button's background.
 * @cssproperty --oauth-button-color - The approve button's text colour.
 * @cssproperty --oauth-radius - The corner radius.
 * @cssproperty --oauth-color-scheme - `light`, `dark` or `light dark` (the default, following the user's preference).
 * @cssproperty --oauth-font-family - The font; the system's UI font by default (`inherit` takes the page's).
 */
export class OAuthConsentPopup extends OAuthElement {
  static formAssociated = true;
  static override styles = [...OAuthElement.styles, consentPopupStyles];
  static override properties: PropertyDeclarations = {
    clientName: { attribute: 'client-name' },
    clientUri: { attribute: 'client-uri' },
    logoUri: { attribute: 'logo-uri' },
    user: {},
    scopes: { type: Array },
    partial: { type: Boolean },
    open: { type: Boolean, reflect: true },
    _left: { state: true, attribute: false },
  };

  /** The name the client goes by. */
  clientName = '';
  /** The client's homepage; shown as a link only when it is https (or http on a loopback host). */
  clientUri: string | undefined;
  /** The client's icon. */
  logoUri: string | undefined;
  /** The user's name, for `{user}` in descriptions. */
  user = '';
  /** The requested scopes (JSON in the attribute). */
  scopes: ConsentScope[] = [];
  /** The provider allows partial grants: each scope that is not required gets a checkbox. */
  partial = false;
  /** Whether the dialog is shown (modally). */
  open = false;

  private _left = new Set<string>();

  readonly #internals = this.attachInternals();

  get #dialog(): HTMLDialogElement {
    return this.renderRoot.querySelector('dialog')!;
  }

  /** The scopes the user grants as things stand. */
  get granted(): string[] {
    return this.scopes.filter((scope) => !this.#optional(scope) || !this._left.has(scope.id)).map((scope) => scope.id);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('open')) return;
    if (this.open && !this.#dialog.open && this.isConnected) this.#dialog.showModal();
    if (!this.open && this.#dialog.open) this.#dialog.close();
  }

  override render() {
    const strings = this.locale.of(enConsent);
    const values = { user: this.user || strings.you, client_name: this.clientName };
    const url = this.clientUri && URL.canParse(this.clientUri) ? new URL(this.clientUri) : undefined;
    // https, or http on a loopback host: never a javascript: or data: link (RFC 7591 §2: web pages).
    const homepage =
      url && /^(https:|http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?\/)/.test(url.href) ? url : undefined;
    return html`<dialog part="dialog" aria-labelledby="title" aria-describedby="asks" @cancel=${this.#onCancel} @close=${this.#onClose} @keydown=${this.#holdFocus}>
      <header part="header">
        ${this.logoUri ? html`<img part="logo" src=${this.logoUri} alt="" width="40" height="40">` : nothing}
        <div>
          <h2 id="title">${this.clientName}</h2>
          ${
            homepage
              ? html`<a part="homepage" href=${homepage.href} target="_blank" rel="noopener noreferrer" title=${fill(strings.homepage, values)}>${homepage.host}</a>`
              : nothing
          }
        </div>
      </header>
      <p id="asks">${fill(strings.asksTo, values)}</p>
      <ul part="scopes">
        ${this.scopes.map((scope, index) => {
          const name = html`<strong>${scope.name}</strong>`;
          return html`<li part="scope">
            <span part="scope-icon" aria-hidden="true">${this.#icon(scope.icon)}</span>
            ${
              this.#optional(scope)
                ? html`<label><input part="checkbox" type="checkbox" value=${scope.id} aria-describedby="d${index}" .checked=${!this._left.has(scope.id)} @change=${(event: Event) => this.#toggle(scope.id, event)}> ${name}</label>`
                : name
            }
            ${scope.description ? html`<small id="d${index}">${fill(scope.description, values)}</small>` : nothing}
          </li>`;
        })}
      </ul>
      <slot name="account"></slot>
      <div part="actions">
        <button part="deny" type="button" @click=${() => this.#decide('deny')}>${strings.deny}</button>
        <button part="approve" type="button" autofocus @click=${() => this.#decide('approve')}>${strings.allow}</button>
      </div>
    </dialog>`;
  }

  #optional(scope: ConsentScope): boolean {
    return this.partial && !scope.required && scope.id !== 'openid';
  }

  #toggle(id: string, event: Event): void {
    const left = new Set(this._left);
    if ((event.target as HTMLInputElement).checked) left.delete(id);
    else left.add(id);
    this._left = left;
  }

  #icon(icon: string | undefined) {
    if (!icon) return fallbackIcon;
    if (isImageIcon(icon)) return html`<img src=${icon} alt="" width="20" height="20">`;
    return namedIcons[icon] ?? fallbackIcon;
  }

  /** A modal dialog lets Tab leave to the browser's own controls; wrap around instead, slotted controls included. */
  #holdFocus(event: KeyboardEvent): void {
    if (event.key !== 'Tab') return;
    const focusable = 'a[href], input:not([disabled]), button:not([disabled]), select, textarea';
    const stops = [...this.#dialog.querySelectorAll<HTMLElement>(`${focusable}, slot`)].flatMap((stop) =>
      stop instanceof HTMLSlotElement
        ? stop
            .assignedElements({ flatten: true })
            .flatMap(
              (node) =>
                [node, ...node.querySelectorAll(focusable)].filter((item) => item.matches(focusable)) as HTMLElement[],
            )
        : [stop],
    );
    const active = this.shadowRoot?.activeElement ?? document.activeElement;
    const [first, last] = [stops[0], stops[stops.length - 1]];
    const wrapTo = event.shiftKey ? (active === first ? last : undefined) : active === last ? first : undefined;
    if (!wrapTo) return;
    event.preventDefault();
    wrapTo.focus();
  }

  #onCancel(event: Event): void {
    event.preventDefault();
    this.#decide('deny');
  }

  /** Escape without a user activation closes the dialog without `cancel` (close watchers): that is a denial too. */
  #onClose(): void {
    if (this.open) this.#decide('deny');
  }

  #decide(decision: 'approve' | 'deny'): void {
    const granted = decision === 'approve' ? this.granted : [];
    const event = new OAuthConsentEvent(decision, granted);
    this.dispatchEvent(event);
    if (event.defaultPrevented) return;
    this.open = false;
    const value = new FormData();
    value.set(this.getAttribute('name') ?? 'decision', decision);
    if (this.partial && decision === 'approve') value.set('scope', granted.join(' '));
    this.#internals.setFormValue(value);
    this.#internals.form?.requestSubmit();
  }
}
