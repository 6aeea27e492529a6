// The size budgets of the drop-in, checked in `npm test` after the build (gzip -9 -n, as the bench measures).
// Each has the target and a ceiling: the size it has reached, which no change may exceed until
// the target is met (then the ceiling is the target). Over the target is reported; over the ceiling fails.
import { dropInSizes, entrySizes } from '../bench/sizes.mjs';

const KiB = 1024;
const budgets = [
  ['before the login button is usable (dist/oauth-elements.js and what it imports statically)', (sizes) => sizes.initial, 16 * KiB, 16 * KiB],
  ['everything, the lazy chunks included (sign-in, renewal and sign-out, jose, DPoP, sealing, consent element, languages)', (sizes) => sizes.all, 26 * KiB, 31.56 * KiB],
];

const dropIn = dropInSizes();
let over = false;
for (const [what, measure, target, ceiling] of budgets) {
  const size = measure(dropIn);
  over ||= size > ceiling;
  const verdict = size > ceiling ? 'FAIL' : size > target ? 'over' : 'ok  ';
  console.log(`${verdict} ${(size / KiB).toFixed(2)} KiB (target ${target / KiB} KiB, ceiling ${ceiling / KiB} KiB): ${what}`);
}
// Reported, not enforced: the headless core with id_token checks is over its 12 KiB goal (see BENCHMARKS.md).
const core = await entrySizes('kit-core');
console.log(`info ${(core.initial / KiB).toFixed(2)} KiB initial, ${(core.all / KiB).toFixed(2)} KiB with its lazy parts: the headless core (goal 12 KiB)`);
if (over) process.exit(1);
