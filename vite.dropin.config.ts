import { readdirSync, rmSync } from 'node:fs';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { compactCss } from './scripts/compact-css.mjs';

const outDir = fileURLToPath(new URL('./dist', import.meta.url));

/**
 * Once a build is written, the drop-in's chunks it did not write (an earlier build's) go: dist/ also holds
 * tsc's output, so it is not emptied, and a stale chunk would otherwise ship in the package. A build that
 * writes nothing (`bench/app-builds.mjs` compares one with dist/) has no `writeBundle` and leaves them.
 */
const dropStaleChunks: Plugin = {
  name: 'drop-stale-chunks',
  writeBundle(_options, bundle) {
    for (const name of readdirSync(outDir))
      if (/^oauth-elements-.+[.]js$/.test(name) && !(name in bundle)) rmSync(join(outDir, name));
  },
};

/**
 * rolldown keeps its helper for dynamic imports' namespace objects in a chunk of its own (rolldown#2654), which
 * a sign-in would fetch only once its chunk had arrived: a round trip in sequence for 150 bytes. Each chunk
 * that imports it gets its own copy instead, in a function scope so that no name clashes with the chunk's.
 */
export const inlineRuntime: Plugin = {
  name: 'inline-rolldown-runtime',
  generateBundle(_options, bundle) {
    const runtime = Object.values(bundle).find((file) => file.fileName.includes('rolldown-runtime'));
    if (runtime?.type !== 'chunk') return;
    const exported = /export\s*\{([^}]*)\};?\s*$/.exec(runtime.code);
    if (!exported) throw new Error(`${runtime.fileName}: no export list to inline`);
    const pairs = (list: string): string[][] => list.split(',').map((name) => name.trim().split(/\s+as\s+/));
    const returned = pairs(exported[1]!).map(([local, name]) => `${name ?? local}:${local}`);
    const copy = `(()=>{${runtime.code.slice(0, exported.index)}return{${returned.join(',')}}})()`;
    for (const chunk of Object.values(bundle)) {
      if (chunk.type !== 'chunk' || chunk === runtime || !chunk.imports.includes(runtime.fileName)) continue;
      const path = posix.relative(posix.dirname(chunk.fileName), runtime.fileName).replace(/^(?!\.)/, './');
      const from = new RegExp(`import\\s*\\{([^}]*)\\}\\s*from\\s*"${path.replace(/[.]/g, '\\.')}";?`);
      const imported = from.exec(chunk.code);
      if (!imported) throw new Error(`${chunk.fileName}: no import of ${runtime.fileName} to replace`);
      const bindings = pairs(imported[1]!).map(([name, local]) => `${name}:${local ?? name}`);
      chunk.code = chunk.code.replace(imported[0], `const{${bindings.join(',')}}=${copy};`);
      chunk.imports = chunk.imports.filter((name) => name !== runtime.fileName);
    }
    delete bundle[runtime.fileName];
  },
};

/** The elements' CSS without the whitespace it is laid out with (scripts/compact-css.mjs, as in dist/). */
export const compactStyles: Plugin = {
  name: 'compact-css',
  transform: (code, id) => (id.endsWith('.styles.ts') ? { code: compactCss(code), map: null } : null),
};

/**
 * The core's modules every sign-in needs (`src/core/sign-in/sign-in-parts.ts` and what it imports). What only
 * some configurations' sign-ins load (UserInfo, the app's backend, extra parameters, DPoP proofs and binding,
 * Entra's tenant issuer) goes in the client's chunk.
 */
const signInModules =
  /[\\/]src[\\/]core[\\/](sign-in[\\/](sign-in-parts|sign-in|sign-in-finish|load-extras|authorization-request|transaction|pkce|callback-state)|provider[\\/](discovery|http|token-endpoint|token-response)|storage[\\/]tab-cache|callback[\\/](callback|read-callback)|id-token[\\/]client-id-token)\.ts$/;

/**
 * How the kit's code is grouped into chunks, in the drop-in and in the package's core alike. What the
 * entry imports statically goes into the entry itself (no extra round trip, no shared chunk for
 * errors.ts), but only the modules it uses, not what a barrel like lit/decorators.js re-exports for the
 * lazy consent element. What a sign-in loads (the request, the callback, the code exchange, with discovery
 * and HTTP) goes in one chunk rather than one per module; what the client loads later (renewing, signing
 * out) in another. The id_token check (jose) and the DPoP key keep chunks of their own.
 */
export const chunkGroups = [
  { name: 'initial', tags: ['$initial' as const], includeDependenciesRecursively: false, priority: 3 },
  { name: 'sign-in', test: signInModules, includeDependenciesRecursively: false, priority: 2 },
  {
    name: 'client',
    test: /[\\/]src[\\/]core[\\/](?!id-token[\\/](id-token|id-token-algorithms|at-hash)\.ts$|dpop[\\/]dpop-key\.ts$)/,
    includeDependenciesRecursively: false,
    priority: 1,
  },
];

/**
 * The drop-in bundle: `dist/oauth-elements.js`, one ES module with lit and idb-keyval inside, and
 * beside it the chunks it loads when needed: the client's sign-in, renewal and sign-out (with the
 * code exchange and UserInfo), jose (id_token checks), DPoP and the consent element. `bench/sizes.mjs` measures
 * them; `scripts/size-budget.mjs` (in `npm test`) holds the budgets.
 */
export default defineConfig({
  plugins: [compactStyles, inlineRuntime, dropStaleChunks],
  build: {
    outDir,
    emptyOutDir: false,
    target: 'es2022',
    // terser (two passes) and rolldown's own minifier (below) together: 0.27 KiB less on the sign-in path than rolldown's alone.
    minify: 'terser',
    terserOptions: { module: true, compress: { passes: 2 }, format: { comments: false } },
    lib: {
      entry: fileURLToPath(new URL('./src/oauth-elements.ts', import.meta.url)),
      formats: ['es'],
      fileName: () => 'oauth-elements.js',
    },
    rollupOptions: {
      // Code the entry and a lazy chunk share stays in the entry, which is loaded first anyway,
      // instead of a third file every page fetches before the button works.
      preserveEntrySignatures: 'allow-extension',
      output: {
        chunkFileNames: 'oauth-elements-[name]-[hash].js',
        // Vite leaves library ES output unminified for the app's bundler to minify; a drop-in is
        // loaded by the browser as it is, so minify it fully (whitespace included).
        minify: true,
        codeSplitting: {
          groups: chunkGroups,
        },
      },
    },
  },
});
