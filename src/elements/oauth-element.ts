import { LitElement, type PropertyDeclarations } from 'lit';
import { LocaleController, type Strings } from './strings/index.js';
import { themeStyles } from './theme.styles.js';

/** What the elements share: a theme override, and strings from the nearest `lang` with overrides. */
export class OAuthElement extends LitElement {
  static override styles = [themeStyles];
  static override properties: PropertyDeclarations = { theme: { reflect: true }, strings: { attribute: false } };

  /** `light` or `dark` to override the user's preference (`prefers-color-scheme`); `--oauth-color-scheme` does it for a whole page. */
  theme: 'light' | 'dark' | undefined;
  /** Replaces any of the shown strings, in every language (`{user}`-style placeholders are filled). */
  strings: Partial<Strings> = {};

  protected readonly locale = new LocaleController(this, () => this.strings);
}
