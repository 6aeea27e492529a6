import { expect } from 'chai';
import { en } from '../../../src/elements/strings/en.js';
import { pl } from '../../../src/elements/strings/pl.js';
import { ru } from '../../../src/elements/strings/ru.js';
import { zh } from '../../../src/elements/strings/zh.js';

const placeholders = (text: string): string[] => [...text.matchAll(/\{\w+\}/g)].map(([name]) => name).sort();

describe('strings', () => {
  for (const [language, translation] of Object.entries({ ru, pl, zh })) {
    it(`${language} has a string for each English one, in its order, with the same placeholders`, () => {
      const english = Object.values(en);
      expect(translation).to.have.length(english.length);
      english.forEach((text, index) => expect(placeholders(translation[index] ?? ''), `${language} ${Object.keys(en)[index]}`).to.deep.equal(placeholders(text)));
    });
  }
});
