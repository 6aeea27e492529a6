import { expect } from 'chai';
import * as dropIn from '../src/oauth-elements.js';
import * as elements from '../src/elements/index.js';

// Both the elements' index and the drop-in define the consent element lazily (`defineConsentPopup`);
// `oauth-elements/consent-popup` (src/elements/consent-popup/define.ts) defines it at once.

// The same check for the compiler: a value the elements' index exports and the drop-in misses fails the typecheck.
type Missing = Exclude<keyof typeof elements, keyof typeof dropIn>;
const nothingMissing: [Missing] extends [never] ? true : Missing = true;

describe('oauth-elements (the drop-in) exports', () => {
  it('exports every value the elements index exports, the same objects', () => {
    expect(nothingMissing).to.equal(true);
    const missing = Object.keys(elements).filter((name) => !(name in dropIn));
    expect(missing, 'exported by src/elements/index.ts, missing from src/oauth-elements.ts').to.deep.equal([]);
    for (const name of Object.keys(elements)) {
      expect((dropIn as Record<string, unknown>)[name], name).to.equal((elements as Record<string, unknown>)[name]);
    }
  });

  it('gives the consent element through defineConsentPopup, the class oauth-elements/consent-popup defines', async () => {
    const defined = await dropIn.defineConsentPopup();
    expect(defined).to.equal((await import('../src/elements/consent-popup/define.js')).OAuthConsentPopup);
    expect(customElements.get('oauth-consent-popup')).to.equal(defined);
  });
});
