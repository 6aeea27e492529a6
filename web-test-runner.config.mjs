// Run through `npm test` (node --import tsx), so that the mock provider's TypeScript loads here as it does in Vite.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { createMockProvider } from './src/mock-provider/provider.ts';
import { defaultUsers } from './src/mock-provider/state.ts';
import { testRunnerMiddleware } from './src/mock-provider/test-runner-middleware.ts';
import { createServer } from 'node:net';
import process from 'node:process';
import { realProvider } from './test/e2e/_real-provider.ts';
import { backend } from './test/e2e/_backend.ts';
import { headerEcho } from './test/e2e/_header-echo.ts';
import { strictCspPages } from './test/e2e/_csp.ts';

/** A free loopback port, fixed before start so the real provider knows its issuer. */
const port = await new Promise((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port: free } = probe.address();
    probe.close(() => resolve(free));
  });
});

/**
 * The same handler Vite serves, mounted in the test runner's server at /mock. Test files running side by side share it,
 * so its users are fixed here, not changed by a test (Carol has a picture, for the login button's).
 */
const carol = {
  sub: 'carol',
  name: 'Carol Danvers',
  email: 'carol@example.com',
  picture: 'data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22/%3E',
};
const provider = createMockProvider({
  consentScript: '/src/elements/consent-popup/define.ts',
  users: [...defaultUsers, carol],
});

/** Debian's browsers, unless `CHROMIUM` or `FIREFOX` names another build (an older ESR unpacked beside them, say). */
const browserPaths = {
  chromium: process.env.CHROMIUM ?? '/usr/bin/chromium',
  firefox: process.env.FIREFOX ?? '/usr/bin/firefox-esr',
};

const chromiumArgs = [
  '--no-sandbox',
  '--headless=new',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** `bring-to-front`: the test page's window takes focus, as the page of a user back from a popup window does. */
const bringToFront = {
  name: 'bring-to-front',
  async executeCommand({ command, session }) {
    if (command !== 'bring-to-front') return undefined;
    await session.browser.getPage(session.id).bringToFront();
    return true;
  },
};

/**
 * The test runner sets every page's viewport (800×600). Puppeteer's WebDriver BiDi `setViewport` sends
 * `emulation.setScreenOrientationOverride` with it, which Firefox 140 ESR does not know ("unknown command"), so
 * every Firefox test file failed there. The page's viewport is set with `browsingContext.setViewport` alone, the
 * one command that Firefox 140 and 153 ESR both know; no test reads the screen's orientation.
 */
function viewportByBidi(page) {
  const context = page.mainFrame().browsingContext;
  page.setViewport = async (viewport) => {
    const size = viewport?.width && viewport.height ? { width: viewport.width, height: viewport.height } : null;
    await context.setViewport({ viewport: size, devicePixelRatio: viewport?.deviceScaleFactor ?? null });
  };
  return page;
}

/**
 * Puppeteer turns the popup blocker off by default; keep it on, as a user's browser has it. Each test page
 * is in a window of its own, so that none is a hidden background tab (visibilityState, throttled timers).
 * Neither protocol reports network events (`networkEnabled`): no test reads them, and in Firefox they cost
 * the parent process nearly a third of its time (26.4 → 18.4 s of CPU over the hostile tests).
 */
const launchers = {
  chromium: () =>
    chromeLauncher({
      createPage: ({ context }) => context.newPage({ type: 'window' }),
      launchOptions: {
        executablePath: browserPaths.chromium,
        headless: true,
        networkEnabled: false,
        args: chromiumArgs,
        ignoreDefaultArgs: ['--disable-popup-blocking'],
      },
    }),
  firefox: () =>
    puppeteerLauncher({
      createPage: async ({ context }) => viewportByBidi(await context.newPage({ type: 'window' })),
      launchOptions: {
        browser: 'firefox',
        executablePath: browserPaths.firefox,
        headless: true,
        defaultViewport: null,
        networkEnabled: false,
        extraPrefsFirefox: { 'dom.disable_open_during_load': true },
      },
    }),
};

/** `TEST_BROWSER=chromium` or `firefox` runs one; scripts/test-browsers.mjs runs them one after the other. */
const only = process.env.TEST_BROWSER ? [process.env.TEST_BROWSER] : Object.keys(launchers);
for (const name of only)
  if (!(name in launchers)) throw new Error(`TEST_BROWSER is ${name}: use one of ${Object.keys(launchers).join(', ')}`);

export default {
  // test/server runs on Node (npm run test:node).
  files: ['test/**/*.test.ts', '!test/server/**'],
  nodeResolve: { exportConditions: ['production'] },
  rootDir: '.',
  // Headless Chromium keeps every window focused; Firefox has one focused window, which test windows side by side
  // take from each other (bring-to-front, popups), so its keyboard and popup tests flake beyond two at a time.
  concurrency: only.length === 1 && only[0] === 'chromium' ? 3 : 2,
  testsFinishTimeout: 240_000,
  browserStartTimeout: 60_000,
  testFramework: { config: { timeout: 20_000 } },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }), bringToFront],
  port,
  middleware: [
    testRunnerMiddleware(provider),
    realProvider(`http://localhost:${port}`),
    // oauth-elements/server's code exchange, as an app's backend mounts it, for the seed providers' e2e tests.
    backend(provider, `http://localhost:${port}`, [`http://localhost:${port}`]),
    // The strict Content-Security-Policy on the CSP test app page, and the endpoint its violation reports go to.
    strictCspPages(`http://localhost:${port}`),
    // An API on another origin (127.0.0.1 for the app's localhost) that reports which credentials reached it.
    headerEcho(),
  ],
  browsers: only.map((name) => launchers[name]()),
};
