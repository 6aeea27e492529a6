// Proves the Service Worker story works from the static build: serves storybook-static from a plain static
// file server on loopback (no mock provider, no Vite) and signs in there with headless Chromium and Firefox.
// Run by `npm run test:storybook-static` (which builds storybook-static first).
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { headlessChromium } from './headless-chromium.mjs';

const root = fileURLToPath(new URL('../storybook-static/', import.meta.url));
const types: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

const server = createServer(async (request, response) => {
  const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
  const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
  if (!file.startsWith(root)) return void response.writeHead(403).end();
  try {
    const body = await readFile(file);
    response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body);
  } catch {
    response.writeHead(404).end();
  }
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const errors: string[] = [];
// The browser's own request for /favicon.ico (iframe.html opened alone has no icon link) is no error of the story.
const favicon = (url: string | undefined): boolean => url?.endsWith('/favicon.ico') ?? false;
const watch = (page: Page, name: string): void => {
  page.on(
    'console',
    (message) =>
      message.type() === 'error' && !favicon(message.location().url) && errors.push(`${name}: ${message.text()}`),
  );
  page.on('pageerror', (error) => errors.push(`${name}: ${String(error)}`));
  page.on(
    'response',
    (response) =>
      response.status() >= 400 &&
      !favicon(response.url()) &&
      errors.push(`${name}: ${response.status()} ${response.url()}`),
  );
};

/** Polls `check` in `page` (across its navigations) until it returns a truthy value. */
async function waitIn<T>(page: Page, check: () => T, what: string, timeout = 20_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = await page.evaluate(check).catch(() => undefined);
    if (value) return value as T;
    if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Debian's browsers, as the test runner launches them. */
const browsers: Record<string, () => Promise<Browser>> = {
  Chromium: () => puppeteer.launch(headlessChromium()),
  Firefox: () =>
    puppeteer.launch({
      browser: 'firefox',
      executablePath: process.env['FIREFOX'] ?? '/usr/bin/firefox-esr',
      headless: true,
    }),
};

/** Opens the story, signs in through its popup and the worker's consent page, and returns what the token status shows. */
async function signInWith(browser: Browser): Promise<string | undefined> {
  const page = await browser.newPage();
  watch(page, 'story');
  await page.goto(`${origin}/iframe.html?id=elements-login-button--sign-in-with-service-worker&viewMode=story`);
  await waitIn(
    page,
    () => document.querySelector('oauth-login-button')?.getAttribute('state') === 'signed-out',
    'the button, ready',
  );
  const opened = new Promise<Page>((resolve) => page.once('popup', (popup) => popup && resolve(popup)));
  await page.click('oauth-login-button >>> button');
  const popup = await opened;
  watch(popup, 'popup');
  await waitIn(
    popup,
    () =>
      location.pathname.endsWith('/sw-mock/oidc/authorize') &&
      !!document.querySelector('oauth-consent-popup')?.shadowRoot?.querySelector('[part="approve"]'),
    'the consent page, from the worker',
  );
  await popup.evaluate(() =>
    (
      document.querySelector('oauth-consent-popup')?.shadowRoot?.querySelector('[part="approve"]') as HTMLButtonElement
    ).click(),
  );
  await waitIn(
    page,
    () => document.querySelector('oauth-login-button')?.getAttribute('state') === 'signed-in',
    'the button, signed in',
  );
  return page.evaluate(() =>
    document.querySelector('oauth-token-status')?.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim(),
  );
}

try {
  for (const [name, launch] of Object.entries(browsers)) {
    const browser = await launch();
    try {
      const shown = await signInWith(browser);
      if (!shown?.includes('Signed in as Alice Liddell')) throw new Error(`${name}: the token status shows "${shown}"`);
      if (errors.length) throw new Error(`${name}: console errors:\n${errors.join('\n')}`);
      console.warn(
        `ok: ${name} signed in from the static Storybook on ${origin} through the Service Worker mock provider: "${shown}"`,
      );
    } finally {
      await browser.close();
    }
  }
} finally {
  server.close();
}
