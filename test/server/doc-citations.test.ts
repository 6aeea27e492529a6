// The tests that SECURITY.md, README.md and ARCHITECTURE.md cite as `suite › test` keep their claims: each must
// be a test of the suite. A cited test renamed or removed fails here instead of leaving a promise without a test.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';

const root = new URL('../../', import.meta.url);
const documents = ['SECURITY.md', 'README.md', 'ARCHITECTURE.md'];

interface TestFile {
  suites: string[];
  tests: string[];
}

/** The describe and it titles of every test file; a title made in a loop keeps its `${…}`. */
function testFiles(): TestFile[] {
  const title = /\b(describe|it|test)\(\s*(['"`])((?:\\.|(?!\2)[\s\S])*)\2/g;
  return readdirSync(new URL('test/', root), { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.test.ts'))
    .map((path) => {
      const file: TestFile = { suites: [], tests: [] };
      for (const [, kind, , text] of readFileSync(new URL(`test/${path}`, root), 'utf8').matchAll(title))
        (kind === 'describe' ? file.suites : file.tests).push(text!.replace(/\\(.)/g, '$1').replace(/\s+/g, ' '));
      return file;
    });
}

const escaped = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A pattern of the start of a text: its pieces in order, with anything between them. */
const startOf = (pieces: string[]): RegExp => new RegExp(`^${pieces.map(escaped).join('.*')}`);

/** Whether a cited part names `title`: `…` elides words, and a citation may stop before the title ends. */
function names(cited: string, title: string): boolean {
  const pieces = cited.split('…').map((piece) => piece.trim());
  if (!title.includes('${')) return startOf(pieces).test(title);
  // A title made in a loop: its fixed words with anything between them, or its fixed start.
  const fixed = title.split(/\$\{[^}]*\}/);
  return startOf(fixed).test(pieces[0]!) || (fixed[0] !== '' && pieces[0]!.startsWith(fixed[0]!));
}

/** Whether some test file has the cited suites (outer first) and test; an empty or `…` test cites the whole suite. */
function exists(citation: string[], files: TestFile[]): boolean {
  const suites = citation.slice(0, -1);
  const cited = citation.at(-1)!;
  return files.some(
    (file) =>
      suites.every((suite) => file.suites.some((title) => names(suite, title))) &&
      (cited === '' || cited === '…' || [...file.tests, ...file.suites].some((title) => names(cited, title))),
  );
}

/** The `suite › test` citations of a document, each split at `›`; a suite cited as `…` is the one cited before it. */
function citations(document: string): string[][] {
  const text = readFileSync(new URL(document, root), 'utf8').replace(/\s+/g, ' ');
  let suite = '';
  return [...text.matchAll(/`([^`]*›[^`]*)`/g)].map(([, cited]) => {
    const parts = cited!.split('›').map((part) => part.trim());
    if (parts[0] === '…') parts[0] = suite;
    suite = parts[0]!;
    return parts;
  });
}

test('every test that SECURITY.md, README.md and ARCHITECTURE.md cite is in the suite', () => {
  const files = testFiles();
  const cited = documents.flatMap((document) => citations(document).map((parts) => ({ document, parts })));
  assert.ok(cited.length > 90, `only ${cited.length} citations found`);
  const missing = cited.filter(({ parts }) => !exists(parts, files));
  assert.deepEqual(
    missing.map(({ document, parts }) => `${document}: ${parts.join(' › ')}`),
    [],
  );
});

test('a citation of a test the suite does not have is caught', () => {
  const files = testFiles();
  assert.ok(exists(['storage failures', 'refuses with invalid_state a callback that reaches a page'], files));
  assert.ok(exists(['hostile callbacks …', 'refuses an altered state'], files), 'a test made in a loop');
  assert.ok(!exists(['storage failures', 'signs in without any storage by redirect'], files));
  assert.ok(!exists(['no such suite', ''], files));
  assert.ok(!exists(['hostile callbacks …', 'accepts an altered state'], files));
});
