// The size budgets of the drop-in, checked in `npm test` after the build (gzip -9 -n, as the bench measures).
import { dropInSizes, entrySizes } from '../bench/sizes.mjs';

const KiB = 1024;
const budgets = [
  ['before the login button is usable (dist/oauth-elements.js and what it imports statically)', (sizes) => sizes.initial, 16 * KiB],
  ['everything, the lazy chunks included (jose, DPoP, sealing, sign-in finish, consent element)', (sizes) => sizes.all, 26 * KiB],
];

const dropIn = dropInSizes();
let over = false;
for (const [what, measure, budget] of budgets) {
  const size = measure(dropIn);
  over ||= size > budget;
  console.log(`${size > budget ? 'OVER' : 'ok  '} ${(size / KiB).toFixed(2)} KiB of ${budget / KiB} KiB: ${what}`);
}
// Reported, not enforced: the headless core with id_token checks is over its 12 KiB goal (see BENCHMARKS.md).
const core = await entrySizes('kit-core');
console.log(`info ${(core.initial / KiB).toFixed(2)} KiB initial, ${(core.all / KiB).toFixed(2)} KiB with its lazy parts: the headless core (goal 12 KiB)`);
if (over) process.exit(1);
