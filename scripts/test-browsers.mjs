// Runs the browser tests in Chromium, then in Firefox, and fails if either fails. One browser at a time: on
// two cores, the two side by side took 343–393 s and timed tests out; one after the other, about 215 s.
// Arguments go to the test runner (`npm run test:browsers -- --files test/e2e/tabs.test.ts`).
import { execFileSync, spawnSync } from 'node:child_process';

/** Which browsers this run is in, first, so that a failure report says which ones it was. */
for (const [name, binary] of [
  ['Chromium', process.env.CHROMIUM ?? '/usr/bin/chromium'],
  ['Firefox', process.env.FIREFOX ?? '/usr/bin/firefox-esr'],
]) {
  let version;
  try {
    version = execFileSync(binary, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    version = `not found at ${binary} (apt-get install -y chromium firefox-esr)`;
  }
  console.log(`${name}: ${version}`);
}

const runner = ['--import', 'tsx', './node_modules/@web/test-runner/dist/bin.js', ...process.argv.slice(2)];
const failed = [];
for (const browser of ['chromium', 'firefox']) {
  const { status, signal } = spawnSync(process.execPath, runner, {
    stdio: 'inherit',
    env: { ...process.env, TEST_BROWSER: browser },
  });
  if (status !== 0) failed.push(`${browser} (${signal ?? `exit ${status}`})`);
}
if (failed.length > 0) {
  console.error(`Browser tests failed in ${failed.join(' and ')}.`);
  process.exit(1);
}
