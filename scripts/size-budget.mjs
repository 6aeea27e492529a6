// The size budgets of issue 15, checked in `npm test` after the build (gzip -9 -n, as the bench measures),
// in the three builds an app gets: the drop-in dist/oauth-elements.js, a Vite app build and an esbuild
// build with code splitting of `import 'oauth-elements'` (bench/app-builds.mjs). The sign-in path is
// the first load plus the lazy chunks a redirect sign-in loaded in a real browser (bench/sign-in-path.json,
// recorded by `npm run bench`). Each row has its target and a ceiling: the size it has reached, which no
// change may exceed until the target is met (then the ceiling is the target), unless its commit says what
// the bytes buy (a fix, a measured speed-up) and by how much. Over the target is reported; over the ceiling fails.
import { kitSizes } from '../bench/sizes.mjs';

const KiB = 1024;
const { elements, core } = await kitSizes();
const builds = ['drop-in', 'Vite app', 'esbuild app'];
/** [what, build, bytes, target KiB, ceiling KiB] */
const budgets = [
  ...builds.map((build, i) => [
    'before the login button is usable',
    build,
    elements[build].initial,
    16,
    [16, 16, 16][i],
  ]),
  ...builds.map((build, i) => [
    'sign-in path, an English page from load to signed in by redirect',
    build,
    elements[build].signIn,
    24,
    [24.63, 25.81, 25.82][i],
  ]),
  ...builds
    .slice(1)
    .map((build, i) => [
      "headless core's sign-in path (createClient, code + PKCE, id_token verified)",
      build,
      core[build].signIn,
      16,
      [16.8, 16][i],
    ]),
];

let over = false;
for (const [what, build, size, target, ceiling] of budgets) {
  const limit = Math.max(target, ceiling);
  over ||= size > limit * KiB;
  const verdict = size > limit * KiB ? 'FAIL' : size > target * KiB ? 'over' : 'ok  ';
  console.log(
    `${verdict} ${(size / KiB).toFixed(2)} KiB (target ${target} KiB${limit > target ? `, ceiling ${limit} KiB` : ''}): ${what}, ${build}`,
  );
}
if (over) process.exit(1);
