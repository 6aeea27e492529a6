import { expect } from 'chai';
import * as dropIn from '../src/oauth-elements.js';
import * as elements from '../src/elements/index.js';

// A page of its own: importing the elements' index defines the consent element at once, which the
// drop-in's own test must not see.

/** What the drop-in leaves out on purpose: the consent element loads on its own (`defineConsentPopup`). */
const lazy = new Set(['OAuthConsentPopup']);

// The same check for the compiler: a value the elements' index exports and the drop-in misses fails the typecheck.
type Missing = Exclude<keyof typeof elements, keyof typeof dropIn | 'OAuthConsentPopup'>;
const nothingMissing: [Missing] extends [never] ? true : Missing = true;

describe('oauth-elements (the drop-in) exports', () => {
  it('exports every value the elements index exports, the same objects, but the lazily loaded consent element', () => {
    expect(nothingMissing).to.equal(true);
    const missing = Object.keys(elements).filter((name) => !lazy.has(name) && !(name in dropIn));
    expect(missing, 'exported by src/elements/index.ts, missing from src/oauth-elements.ts').to.deep.equal([]);
    for (const name of Object.keys(elements).filter((name) => !lazy.has(name))) {
      expect((dropIn as Record<string, unknown>)[name], name).to.equal((elements as Record<string, unknown>)[name]);
    }
  });

  it('gives the consent element through defineConsentPopup, the class the elements index exports', async () => {
    expect(await dropIn.defineConsentPopup()).to.equal(elements.OAuthConsentPopup);
  });
});
