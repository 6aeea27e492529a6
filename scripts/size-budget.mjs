// The size budgets, checked in `npm test` after the build (gzip -9 -n, as the bench measures).
// Each has the target and a ceiling: the size it has reached, which no change may exceed until
// the target is met (then the ceiling is the target). Over the target is reported; over the ceiling fails.
import { dropInSizes, entrySizes } from '../bench/sizes.mjs';

const KiB = 1024;
const dropIn = dropInSizes();
const core = await entrySizes('kit-core');
const budgets = [
  ['before the login button is usable (dist/oauth-elements.js and what it imports statically)', dropIn.initial, 16 * KiB, 16 * KiB],
  ['everything, the lazy chunks included (sign-in, renewal and sign-out, jose, DPoP, consent element, languages)', dropIn.all, 26 * KiB, 32.3 * KiB],
  ['the headless core with its lazy parts (bench/entries/kit-core.ts, jose included), bundled as an app would', core.all, 12 * KiB, 18.02 * KiB],
];

let over = false;
for (const [what, size, target, ceiling] of budgets) {
  over ||= size > ceiling;
  const verdict = size > ceiling ? 'FAIL' : size > target ? 'over' : 'ok  ';
  console.log(`${verdict} ${(size / KiB).toFixed(2)} KiB (target ${target / KiB} KiB, ceiling ${ceiling / KiB} KiB): ${what}`);
}
if (over) process.exit(1);
