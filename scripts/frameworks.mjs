// CI, after `npm test` (which builds dist/): packs the package, installs the tarball into a fresh
// project, builds the plain, React 19 and Vue apps of demo/frameworks with it, and signs in on each
// page in headless Chromium and Firefox against the packed mock provider, on a loopback port. A fourth
// Vite app imports only `oauth-elements/consent-popup`, whose dialog must show and which must define the
// button and the status too, as README says. Last, each browser again with the site's cookies blocked, as a
// user blocks them (SECURITY.md, storage): the plain page's redirect press signs in by popup, never
// leaving the page.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import { headlessChromium } from './headless-chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const run = (command, args, cwd) =>
  execFileSync(command, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
const step = (what) => console.log(`frameworks: ${what}`);

if (!existsSync(join(root, 'dist/oauth-elements.js')) || !existsSync(join(root, 'dist/index.js')))
  run('npm', ['run', 'build'], root);
const project = mkdtempSync(join(tmpdir(), 'oauth-frameworks-'));
const tarball = join(
  project,
  JSON.parse(run('npm', ['pack', '--json', '--pack-destination', project], root))[0].filename,
);
step(`packed ${tarball}`);

const versions = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies;
writeFileSync(
  join(project, 'package.json'),
  JSON.stringify(
    {
      private: true,
      type: 'module',
      dependencies: { 'oauth-elements': `file:${tarball}`, react: '^19.0.0', 'react-dom': '^19.0.0', vue: '^3.5.0' },
      devDependencies: { vite: versions.vite, '@vitejs/plugin-react': '^6.0.0', '@vitejs/plugin-vue': '^6.0.0' },
    },
    null,
    2,
  ),
);
step('npm install in a fresh project');
run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], project);
const installed = (name) =>
  JSON.parse(readFileSync(join(project, 'node_modules', name, 'package.json'), 'utf8')).version;
step(
  ['vite', 'react', 'react-dom', 'vue', '@vitejs/plugin-react', '@vitejs/plugin-vue']
    .map((name) => `${name} ${installed(name)}`)
    .join(', '),
);
cpSync(join(root, 'demo/frameworks'), project, { recursive: true, filter: (source) => !source.endsWith('README.md') });

// The Vite apps differ only in their entry module and body, so their index.html is written here.
const consentBody = `<oauth-consent-popup open client-name="Consent entry" user="Alice" scopes='[{"id":"openid","name":"Sign you in"}]'></oauth-consent-popup>`;
const apps = {
  react: { title: 'React', entry: 'main.jsx', body: '<div id="app"></div>' },
  vue: { title: 'Vue', entry: 'main.js', body: '<div id="app"></div>' },
  consent: { title: 'the consent element', entry: 'main.js', body: consentBody },
};
for (const [app, { title, entry, body }] of Object.entries(apps)) {
  writeFileSync(
    join(project, app, 'index.html'),
    `<!doctype html>\n<html lang="en">\n  <head>\n    <meta charset="utf-8" />\n    <title>oauth-elements: ${title}</title>\n  </head>\n  <body>\n    ${body}\n    <script type="module" src="./${entry}"></script>\n  </body>\n</html>\n`,
  );
  step(`vite build ${app}`);
  run(join(project, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn', '--base', './'], join(project, app));
  if (!existsSync(join(project, app, 'dist/index.html'))) throw new Error(`${app}: no dist/index.html`);
}

// The plain page, served as it is beside the installed package, with the packed mock provider.
const { createMockProvider, handleNode } = await import(
  pathToFileURL(join(project, 'node_modules/oauth-elements/dist/mock-provider/index.js')).href
);
const provider = createMockProvider();
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };
const server = createServer(async (req, res) => {
  if (await handleNode(provider, req, res)) return;
  const file = join(project, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
  if (!file.startsWith(project) || !existsSync(file)) return void res.writeHead(404).end();
  res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;
// The plain page loads the drop-in; the React and Vue apps, the package's entry points as Vite bundled them.
const pages = { plain: 'plain/index.html', react: 'react/dist/index.html', vue: 'vue/dist/index.html' };
/** Debian's Firefox (FIREFOX names another build), headless, with `prefs` set. */
const headlessFirefox = (prefs = {}) =>
  puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX ?? '/usr/bin/firefox-esr',
    headless: true,
    extraPrefsFirefox: prefs,
  });
const browsers = { Chromium: () => puppeteer.launch(headlessChromium()), Firefox: () => headlessFirefox() };
/** In the page: the login button's own <button>, inside its shadow root. */
const button = () => globalThis.document.querySelector('oauth-login-button')?.shadowRoot?.querySelector('button');
/** The consent app: its dialog shows, and the one import defined the button and the status as well. */
async function checkConsentEntry(browser, name) {
  step(`the consent entry point's page in headless ${name}`);
  const context = await browser.createBrowserContext();
  const tab = await context.newPage();
  const problems = [];
  tab.on('pageerror', (error) => problems.push(String(error)));
  await tab.goto(`${origin}/consent/dist/index.html`);
  const title = await tab.waitForFunction(
    () =>
      globalThis.document.querySelector('oauth-consent-popup')?.shadowRoot?.querySelector('dialog[open] h2')
        ?.textContent,
    { timeout: 10_000 },
  );
  const defined = await tab.evaluate(() =>
    ['oauth-consent-popup', 'oauth-login-button', 'oauth-token-status'].filter((tag) =>
      globalThis.customElements.get(tag),
    ),
  );
  if ((await title.jsonValue()) !== 'Consent entry') throw new Error('consent page: the dialog names another client');
  if (defined.length !== 3) throw new Error(`consent page: only ${defined.join(', ')} defined`);
  if (problems.length) throw new Error(`consent page errors: ${problems.join('; ')}`);
  step(`consent page: the dialog shows, and ${defined.join(', ')} are defined`);
  await context.close();
}

/** Each browser with the site's cookies blocked: Chromium's content setting, Firefox's cookie behaviour 2. */
const blockingCookies = {
  Chromium: () => {
    const profile = join(project, 'chromium-cookies-blocked');
    mkdirSync(join(profile, 'Default'), { recursive: true });
    const preferences = { profile: { default_content_setting_values: { cookies: 2 } } };
    writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify(preferences));
    return puppeteer.launch({ ...headlessChromium(), userDataDir: profile });
  },
  Firefox: () => headlessFirefox({ 'network.cookie.cookieBehavior': 2 }),
};

/**
 * The drop-in's plain page where the browser keeps nothing for the site: its button's redirect, which could
 * not meet its callback, signs in by popup in the same press, and the sign-out goes through.
 */
async function checkCookiesBlocked(name) {
  step(`the plain page in headless ${name} with the site's cookies blocked`);
  const browser = await blockingCookies[name]();
  try {
    const tab = await browser.newPage();
    const problems = [];
    tab.on('pageerror', (error) => problems.push(String(error)));
    const page = `${origin}/plain/index.html`;
    provider.registerClient({ client_id: 'plain-demo', redirect_uris: [page], token_endpoint_auth_method: 'none' });
    await tab.goto(page);
    const refused = await tab.evaluate(() => {
      try {
        return void globalThis.sessionStorage.getItem('probe');
      } catch (error) {
        return error.name;
      }
    });
    if (refused !== 'SecurityError') throw new Error(`${name} did not block the site's storage (${refused})`);
    await tab.waitForFunction(`(${button})()?.disabled === false`, { timeout: 10_000 });
    const error = () =>
      globalThis.document.querySelector('oauth-login-button')?.shadowRoot?.querySelector('[part~="error"]')
        ?.textContent;
    provider.signInAs('alice', { clientId: 'plain-demo' });
    const popups = [];
    browser.on('targetcreated', (target) => target.type() === 'page' && popups.push(target.url()));
    // The page's button asks for a redirect, which nothing here would outlive: the same press signs in in a popup.
    await tab.click('oauth-login-button >>> button');
    await tab.waitForFunction(`(${button})()?.textContent.includes('Sign out') || (${error})()`, { timeout: 15_000 });
    const said = await tab.evaluate(`(${error})()`);
    if (said) throw new Error(`the press did not sign in: "${said}"`);
    if (tab.url() !== page) throw new Error(`the page left for ${tab.url()}`);
    if (popups.length !== 1) throw new Error(`${popups.length} windows opened, not one popup`);
    step(`${name}, cookies blocked: the redirect press signed in by popup, the page never left`);
    await tab.click('oauth-login-button >>> button');
    await tab.waitForFunction(`(${button})()?.textContent.trim() === 'Sign in' && !(${error})()`, { timeout: 10_000 });
    if (problems.length) throw new Error(`cookies-blocked page errors: ${problems.join('; ')}`);
    step(`${name}, cookies blocked: signed out`);
  } finally {
    await browser.close();
  }
}

try {
  for (const [name, launch] of Object.entries(browsers)) {
    const browser = await launch();
    try {
      for (const [app, path] of Object.entries(pages)) {
        const page = `${origin}/${path}`;
        const clientId = `${app}-demo`;
        provider.registerClient({ client_id: clientId, redirect_uris: [page], token_endpoint_auth_method: 'none' });
        provider.signInAs('alice', { clientId });
        step(`sign in on the ${app} page in headless ${name}`);
        const context = await browser.createBrowserContext();
        const tab = await context.newPage();
        const problems = [];
        tab.on('pageerror', (error) => problems.push(String(error)));
        await tab.goto(page);
        await tab.waitForFunction(`(${button})()?.disabled === false`, { timeout: 10_000 });
        await Promise.all([tab.waitForNavigation(), tab.evaluate(`(${button})().click()`)]);
        const signedIn = await tab.waitForFunction(
          `(${button})()?.textContent.includes('Sign out') && (${button})().textContent.trim()`,
          { timeout: 10_000 },
        );
        step(`${app} page signed in: "${(await signedIn.jsonValue()).replace(/\s+/g, ' ')}" at ${tab.url()}`);
        if (problems.length) throw new Error(`${app} page errors: ${problems.join('; ')}`);
        await context.close();
      }
      await checkConsentEntry(browser, name);
    } finally {
      await browser.close();
    }
    await checkCookiesBlocked(name);
  }
} finally {
  server.close();
}
rmSync(project, { recursive: true, force: true });
step('ok');
