import { rmSync } from 'node:fs';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { chunkGroups, compactStyles, inlineRuntime } from './vite.dropin.config.js';

const outDir = fileURLToPath(new URL('./dist', import.meta.url));
const src = (path: string): string => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

/**
 * The elements reach the core only through its index, which becomes the package's own `oauth-elements/core`;
 * any other core module is refused (test/server/lib-build.test.ts).
 */
export const coreByName: Plugin = {
  name: 'core-by-name',
  enforce: 'pre',
  async resolveId(source, importer, options) {
    if (!importer || /[\\/]src[\\/]core[\\/]/.test(importer)) return null;
    const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
    if (!resolved || !/[\\/]src[\\/]core[\\/]/.test(resolved.id)) return null;
    if (resolved.id !== src('core/index.ts'))
      throw new Error(`${importer} imports ${source}: outside the core, import it from core/index.ts`);
    return { id: 'oauth-elements/core', external: true };
  },
};

/**
 * The package's browser entry points, each bundled with the chunks it loads when needed, over tsc's
 * per-module output (which keeps the types and the Node-side `server`, `mock-provider` and `vite`):
 * - `--mode core`: `dist/core/index.js` and `dist/core/chunks/`, grouped as the drop-in is (`chunkGroups`);
 * - `--mode elements`: `dist/index.js`, `dist/elements/index.js` and `dist/elements/consent-popup/define.js`
 *   with `dist/elements/chunks/`, the core imported as `oauth-elements/core`, so that an app has one core.
 * An app's bundler then gets a few modules instead of a hundred: esbuild, which makes a chunk of every set of
 * modules its entry points share, split the first load of `import 'oauth-elements'` into eight files
 * (17.65 KiB gzip), and makes three of these (bench/app-builds.mjs, `npm run size`).
 * Lit, jose and idb-keyval are left to the app's bundler, which dedupes them; names come minified, the layout
 * kept (Vite's library default), with source maps.
 */
export default defineConfig(({ mode }) => {
  if (mode !== 'core' && mode !== 'elements') throw new Error('vite.lib.config.ts: --mode core or --mode elements');
  const chunks = join(outDir, mode, 'chunks');
  const dropStaleChunks: Plugin = {
    name: 'drop-stale-chunks',
    buildStart: () => rmSync(chunks, { recursive: true, force: true }),
  };
  // The core's one error class stays tsc's `dist/core/errors.js`, which `oauth-elements/server` throws too:
  // `isOAuthError` and `instanceof OAuthError` then hold for both (test/server/ssr.test.ts).
  const errorsId = 'oauth-elements:core/errors.js';
  const sharedErrors: Plugin = {
    name: 'shared-errors',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || !source.endsWith('errors.js')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved?.id === src('core/errors.ts') ? { id: errorsId, external: true } : null;
    },
    renderChunk: (code, chunk) => ({
      // An import specifier of the same line: the source map stays true.
      map: null,
      code: code.replaceAll(
        `"${errorsId}"`,
        `"${posix.relative(posix.dirname(chunk.fileName), 'core/errors.js').replace(/^(?!\.)/, './')}"`,
      ),
    }),
  };
  const entries: Record<string, string> =
    mode === 'core'
      ? { 'core/index': src('core/index.ts') }
      : {
          index: src('index.ts'),
          'elements/index': src('elements/index.ts'),
          'elements/consent-popup/define': src('elements/consent-popup/define.ts'),
        };
  const consent = /[\\/]elements[\\/](consent-popup[\\/](?!lazy\.ts$)|strings[\\/]en-consent\.ts$)/;
  return {
    plugins: [inlineRuntime, dropStaleChunks, ...(mode === 'elements' ? [compactStyles, coreByName] : [sharedErrors])],
    build: {
      outDir,
      emptyOutDir: false,
      target: 'es2022',
      minify: true,
      sourcemap: true,
      lib: {
        entry: entries,
        formats: ['es'],
        fileName: (_format, name) => `${name}.js`,
      },
      rollupOptions: {
        external: [/^lit($|\/)/, /^@lit\//, 'jose', 'idb-keyval'],
        preserveEntrySignatures: 'allow-extension',
        output: {
          chunkFileNames: `${mode}/chunks/[name].js`,
          codeSplitting: {
            // The consent element is an entry of its own (`oauth-elements/consent-popup`), and a lazy chunk of the others.
            groups: mode === 'core' ? chunkGroups : [{ ...chunkGroups[0]!, test: (id: string) => !consent.test(id) }],
          },
        },
      },
    },
  };
});
