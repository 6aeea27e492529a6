import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, query } from 'lit/decorators.js';
import { OAuthConsentEvent } from '../events.js';
import { consentPopupStyles } from './consent-popup.styles.js';
import { fallbackIcon, namedIcons } from './icons.js';

/** A scope as the consent dialog shows it. */
export interface ConsentScope {
  id: string;
  name: string;
  /** May hold `{user}` and `{client_name}`. */
  description?: string;
  /** An image URL, or the name of a built-in icon. */
  icon?: string;
}


/**
 * @summary A modal consent dialog: who asks, for what, approve or deny. Inside a form it posts
 * the decision as its `name`; the form's own content shows where script does not run.
 *
 * @event oauth-consent - The user approved or denied; `event.decision` says which. Cancel it to keep the form from posting.
 *
 * @slot account - Shown above the buttons, such as a choice of account.
 *
 * @csspart dialog - The native dialog.
 * @csspart header - The client's identity.
 * @csspart logo - The client's icon.
 * @csspart scopes - The list of requested scopes.
 * @csspart scope - One requested scope.
 * @csspart actions - The buttons.
 * @csspart approve - The approve button.
 * @csspart deny - The deny button.
 *
 * @cssproperty --oauth-background - The dialog's background.
 * @cssproperty --oauth-button-background - The approve button's background.
 */
export class OAuthConsentPopup extends LitElement {
  static formAssociated = true;
  static override styles = consentPopupStyles;

  @property({ attribute: 'client-name' }) clientName = '';
  @property({ attribute: 'client-uri' }) clientUri: string | undefined;
  @property({ attribute: 'logo-uri' }) logoUri: string | undefined;
  /** The user's name, for `{user}` in descriptions. */
  @property() user = '';
  @property({ type: Array }) scopes: ConsentScope[] = [];
  /** Whether the dialog is shown (modally). */
  @property({ type: Boolean, reflect: true }) open = false;

  @query('dialog') private _dialog!: HTMLDialogElement;

  readonly #internals = this.attachInternals();

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('open')) return;
    if (this.open && !this._dialog.open && this.isConnected) this._dialog.showModal();
    if (!this.open && this._dialog.open) this._dialog.close();
  }

  override render() {
    const fill = (text: string): string => text.replaceAll('{user}', this.user || 'you').replaceAll('{client_name}', this.clientName);
    return html`<dialog part="dialog" aria-labelledby="title" @cancel=${this.#onCancel}>
      <header part="header">
        ${this.logoUri ? html`<img part="logo" src=${this.logoUri} alt="">` : nothing}
        <div>
          <h2 id="title">${this.clientName}</h2>
          ${this.clientUri ? html`<a part="homepage" href=${this.clientUri} target="_blank" rel="noopener noreferrer">${new URL(this.clientUri).host}</a>` : nothing}
        </div>
      </header>
      <p>${fill('{client_name} asks to:')}</p>
      <ul part="scopes">
        ${this.scopes.map(
          (scope) => html`<li part="scope">
            <span aria-hidden="true">${this.#icon(scope.icon)}</span><strong>${scope.name}</strong>
            ${scope.description ? html`<small>${fill(scope.description)}</small>` : nothing}
          </li>`,
        )}
      </ul>
      <slot name="account"></slot>
      <div part="actions">
        <button part="deny" type="button" @click=${() => this.#decide('deny')}>Deny</button>
        <button part="approve" type="button" autofocus @click=${() => this.#decide('approve')}>Allow</button>
      </div>
    </dialog>`;
  }

  #icon(icon: string | undefined) {
    if (!icon) return fallbackIcon;
    if (/^(https?:|data:|\/)/.test(icon)) return html`<img src=${icon} alt="" width="20" height="20">`;
    return namedIcons[icon] ?? fallbackIcon;
  }

  #onCancel(event: Event): void {
    event.preventDefault();
    this.#decide('deny');
  }

  #decide(decision: 'approve' | 'deny'): void {
    const event = new OAuthConsentEvent(decision);
    this.dispatchEvent(event);
    if (event.defaultPrevented) return;
    this.open = false;
    this.#internals.setFormValue(decision);
    this.#internals.form?.requestSubmit();
  }
}
