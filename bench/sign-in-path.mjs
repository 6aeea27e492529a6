// Which chunks a redirect sign-in loads, found by doing one: each build of the kit (bench/app-builds.mjs)
// is served on its own loopback origin beside the mock provider, an English page signs in by redirect
// in Chromium, and every script the two pages requested is recorded. `npm run bench` runs it and keeps
// the modules in those chunks in bench/sign-in-path.json, which `npm run size` reads.
import { createServer } from 'node:http';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { builds, coreBuilds } from './app-builds.mjs';
import { signInPath } from './sizes.mjs';
import { createMockProvider } from '../src/mock-provider/provider.ts';
import { handleNode } from '../src/mock-provider/node-adapter.ts';

const pathFile = fileURLToPath(new URL('./sign-in-path.json', import.meta.url));

/** The page of a build: the elements' page shows a button; the headless page signs in from script. */
const pageOf = (kind, entry, clientId) =>
  kind === 'elements'
    ? `<!doctype html><html lang="en"><meta charset="utf-8"><title>app</title><oauth-login-button issuer="/mock/oidc" client-id="${clientId}" scope="openid profile"></oauth-login-button><script type="module" src="${entry}"></script></html>`
    : `<!doctype html><html lang="en"><meta charset="utf-8"><title>app</title><script>localStorage.setItem('bench-app', JSON.stringify({ issuer: location.origin + '/mock/oidc', clientId: '${clientId}' }))</script><script type="module" src="${entry}"></script></html>`;

/** Signs in once by redirect with one build; the scripts requested, in order, and the lazy chunks' modules. */
async function record(browser, kind, built) {
  const provider = createMockProvider();
  const server = createServer(async (req, res) => {
    if (await handleNode(provider, req, res)) return;
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/' || path === '/index.html')
      return void res.writeHead(200, { 'content-type': 'text/html' }).end(pageOf(kind, built.entry, clientId));
    const file = built.files.get(path);
    if (!file) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/javascript' }).end(file.code);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const clientId = provider.registerClient({
    client_name: 'path',
    redirect_uris: [`${origin}/`],
    grant_types: ['authorization_code'],
    token_endpoint_auth_method: 'none',
  }).client_id;
  provider.signInAs('alice');
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const scripts = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin === origin && built.files.has(url.pathname) && !scripts.includes(url.pathname))
      scripts.push(url.pathname);
  });
  try {
    await page.goto(`${origin}/`);
    if (kind === 'elements') {
      await page.waitForFunction(
        () => globalThis.document.querySelector('oauth-login-button')?.getAttribute('state') === 'signed-out',
        { timeout: 20_000 },
      );
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('oauth-login-button')]);
      await page.waitForFunction(
        () => globalThis.document.querySelector('oauth-login-button')?.getAttribute('state') === 'signed-in',
        { timeout: 20_000 },
      );
    } else {
      await page.waitForFunction(() => typeof globalThis.signIn === 'function', { timeout: 20_000 });
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.evaluate(() => void globalThis.signIn())]);
      await page.waitForFunction(() => globalThis.benchSignedIn === true || globalThis.benchError, { timeout: 20_000 });
      const error = await page.evaluate(() => globalThis.benchError);
      if (error) throw new Error(error);
    }
  } finally {
    await context.close();
    server.close();
  }
  const initial = new Set();
  const visit = (name) => {
    if (initial.has(name)) return;
    initial.add(name);
    built.files.get(name)?.imports.forEach(visit);
  };
  visit(built.entry);
  const lazy = scripts.filter((name) => !initial.has(name));
  return { scripts, lazy, modules: [...new Set(lazy.flatMap((name) => built.files.get(name).modules))].sort() };
}

/**
 * Records the sign-in path of every build and keeps it in bench/sign-in-path.json: per build, the
 * modules of the lazy chunks the sign-in requested. Returns what each build requested.
 */
export async function recordSignInPath(browser) {
  const found = { elements: {}, core: {} };
  const requested = { elements: {}, core: {} };
  for (const [kind, set] of [
    ['elements', builds],
    ['core', coreBuilds],
  ]) {
    for (const [name, make] of Object.entries(set)) {
      const result = await record(browser, kind, await make());
      found[kind][name] = result.modules;
      requested[kind][name] = result.scripts;
    }
  }
  const before = JSON.stringify(signInPath());
  const now = JSON.stringify(found, null, 2);
  if (JSON.stringify(found) !== before) {
    writeFileSync(pathFile, `${now}\n`);
    console.log('bench/sign-in-path.json changed: the sign-in now loads other chunks (commit it)');
  }
  return requested;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { default: puppeteer } = await import('puppeteer-core');
  const { headlessChromium } = await import('../scripts/headless-chromium.mjs');
  const browser = await puppeteer.launch(headlessChromium());
  try {
    console.log(JSON.stringify(await recordSignInPath(browser), null, 2));
  } finally {
    await browser.close();
  }
}
