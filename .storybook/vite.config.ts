import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { mockProvider } from '../src/mock-provider/vite-plugin.js';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));

/** The page the sign-in popup returns to: it hands the authorization response to the story that opened it. */
const callbackPage = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Signing in</title>
<script type="module">
  import { createClient } from './oauth-elements.js';
  createClient({ issuer: new URL('./sw-mock/oidc', location.href).href, clientId: 'relay' }).handleRedirect();
</script></head>
<body><p>Signing in…</p></body>
</html>`;

/**
 * The files the Service Worker story needs beside iframe.html: the mock provider's worker (at the root, so
 * its scope covers the story), the drop-in bundle and its chunks (the consent page's element), the callback
 * page. Served by `storybook dev`, emitted into `build-storybook`'s static output. Run `npm run build` first.
 */
function kitFiles(): Plugin {
  const names = (): string[] => {
    if (!existsSync(`${dist}mock-provider-sw.js`))
      throw new Error('dist/mock-provider-sw.js is missing: run npm run build first');
    return readdirSync(dist).filter((name) => /^(oauth-elements.*|mock-provider-sw)\.js$/.test(name));
  };
  return {
    name: 'oauth-elements-kit-files',
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const name = new URL(request.url ?? '/', 'http://localhost').pathname.slice(1);
        if (name === 'sign-in-callback.html') {
          response.setHeader('content-type', 'text/html');
          response.end(callbackPage);
        } else if (names().includes(name)) {
          response.setHeader('content-type', 'text/javascript');
          response.end(readFileSync(`${dist}${name}`));
        } else next();
      });
    },
    generateBundle() {
      for (const name of names())
        this.emitFile({ type: 'asset', fileName: name, source: readFileSync(`${dist}${name}`) });
      this.emitFile({ type: 'asset', fileName: 'sign-in-callback.html', source: callbackPage });
    },
  };
}

/** Storybook's Vite: the mock provider at /mock, as in the demo, and the Service Worker story's files. */
export default defineConfig({
  plugins: [mockProvider(), kitFiles()],
});
