import { expect } from 'chai';
import type { CSSResult } from 'lit';
import { compactCss } from '../../scripts/compact-css.mjs';
import { consentPopupStyles } from '../../src/elements/consent-popup/consent-popup.styles.js';
import { loginButtonStyles } from '../../src/elements/login-button/login-button.styles.js';
import { themeStyles } from '../../src/elements/theme.styles.js';
import { tokenStatusStyles } from '../../src/elements/token-status/token-status.styles.js';

/**
 * The rules the browser reads from `text`, as it writes them back. A `var()` keeps its fallback as written: the
 * spaces around its commas and parentheses and a number's leading zero are taken out of both sides, which the
 * CSS tokenizer reads the same either way.
 * @see https://www.w3.org/TR/css-syntax-3/#tokenization
 */
const rulesOf = (text: string): string[] => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(text);
  return [...sheet.cssRules].map((rule) =>
    rule.cssText.replace(/\s*([,()])\s*/g, '$1').replace(/(^|[^\d.])0\.(\d)/g, '$1.$2'),
  );
};

// The build's compaction of the elements' styles (scripts/compact-css.mjs, in the drop-in and the package's dist/).
describe('compacted styles', () => {
  const styles: Record<string, CSSResult> = { themeStyles, loginButtonStyles, tokenStatusStyles, consentPopupStyles };
  for (const [name, result] of Object.entries(styles)) {
    it(`read as the same rules as ${name} laid out, in fewer characters`, () => {
      const compacted = /^css`(.*)`$/s.exec(compactCss(`css\`${result.cssText}\``))?.[1] ?? '';
      expect(compacted.length).to.be.below(result.cssText.length);
      expect(rulesOf(compacted)).to.deep.equal(rulesOf(result.cssText));
      expect(rulesOf(compacted).length).to.be.above(0);
    });
  }
});
