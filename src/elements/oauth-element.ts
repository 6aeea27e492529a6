import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { LocaleController, type Strings } from './strings/index.js';
import { themeStyles } from './theme.styles.js';

/** What the elements share: a theme override, and strings from the nearest `lang` with overrides. */
export class OAuthElement extends LitElement {
  static override styles = [themeStyles];

  /** `light` or `dark` to override the user's preference (`prefers-color-scheme`); `--oauth-color-scheme` does it for a whole page. */
  @property({ reflect: true }) theme: 'light' | 'dark' | undefined;
  /** Replaces any of the shown strings, in every language (`{user}`-style placeholders are filled). */
  @property({ attribute: false }) strings: Partial<Strings> = {};

  protected readonly locale = new LocaleController(this, () => this.strings);
}
