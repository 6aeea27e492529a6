// The kit as an app ships it, built three ways: the drop-in as built in dist/, a Vite app build and an
// esbuild build with code splitting, each of `import 'oauth-elements'` (and of the headless core). Each
// build is a map of its output files (code, and the dynamic-import targets each chunk stands for).
import { build as esbuild } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as viteBuild } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');

/** The package's own exports, as an app that installed it resolves them (dist/, by package.json `exports`). */
const exportsMap = { 'oauth-elements': 'index.js', 'oauth-elements/core': 'core/index.js' };

/**
 * The app's code: the elements page imports the package for its side effect (the elements defined); the
 * headless page calls the core for a code + PKCE sign-in with the id_token verified.
 */
export const apps = {
  elements: `import 'oauth-elements';\n`,
  core: [
    `import { createClient } from 'oauth-elements/core';`,
    `const { issuer, clientId } = JSON.parse(localStorage.getItem('bench-app') ?? '{}');`,
    `const client = createClient({ issuer: issuer ?? 'https://id.example.com', clientId: clientId ?? 'spa', scope: 'openid profile', mode: 'redirect' });`,
    `globalThis.signIn = () => client.handleRedirect().then((session) => session ?? client.login());`,
    `globalThis.token = () => client.getAccessToken();`,
    `client.handleRedirect().then((session) => { globalThis.benchSignedIn = !!session; }, (error) => { globalThis.benchError = String(error); });`,
    '',
  ].join('\n'),
};

/** A module's name in any build: its path under src/ or dist/ (or node_modules/) without the extension. */
export const moduleName = (path) =>
  relative(root, path.replace(/\?.*$/, ''))
    .replace(/\\/g, '/')
    .replace(/^(src|dist)\//, '')
    .replace(/^.*node_modules\//, 'node_modules/')
    .replace(/\.[cm]?[jt]s$/, '');

// Inside the package, at the same place wherever it is checked out: esbuild's chunk names hash the
// inputs' paths relative to the app, so an app in a temporary folder gave gzipped bytes that changed with
// the checkout's path (a fresh CI clone measured the esbuild first load over its ceiling, and this
// checkout under it).
function writeApp(name) {
  const dir = join(root, '.cache', 'apps', name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'main.js'), apps[name]);
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><meta charset="utf-8"><title>app</title><script type="module" src="./main.js"></script>',
  );
  return dir;
}

/** A file of a build: its code, the files it imports statically and dynamically, and the source modules in it. */
const file = (code, imports, dynamicImports, modules) => ({
  code,
  imports,
  dynamicImports,
  modules: modules.map(moduleName).filter((name) => !name.startsWith('\0')),
});

/** A Vite (rolldown) build's output as {@link file}s, by `/fileName`. */
function fromRolldown(output) {
  const files = new Map();
  for (const chunk of output) {
    if (chunk.type !== 'chunk') continue;
    files.set(
      `/${chunk.fileName}`,
      file(
        chunk.code,
        chunk.imports.map((name) => `/${name}`),
        chunk.dynamicImports.map((name) => `/${name}`),
        chunk.moduleIds,
      ),
    );
  }
  const entry = output.find((chunk) => chunk.type === 'chunk' && chunk.isEntry);
  return { files, entry: `/${entry.fileName}` };
}

const outputOf = (result) => (Array.isArray(result) ? result[0] : result).output;

/** The Vite app build (`vite build` of an index.html whose one script imports the package). */
export async function viteApp(name) {
  const dir = writeApp(name);
  const result = await viteBuild({
    root: dir,
    configFile: false,
    logLevel: 'silent',
    resolve: {
      alias: Object.entries(exportsMap).map(([find, to]) => ({
        find: new RegExp(`^${find}$`),
        replacement: join(dist, to),
      })),
    },
    build: { write: false, outDir: join(dir, 'dist') },
  });
  const output = outputOf(result);
  return { ...fromRolldown(output), html: output.find((asset) => asset.fileName === 'index.html')?.source };
}

/** The esbuild app build: `bundle`, `splitting: true`, `format: 'esm'`, minified. */
export async function esbuildApp(name) {
  const dir = writeApp(name);
  const outdir = join(dir, 'out');
  const result = await esbuild({
    entryPoints: [join(dir, 'main.js')],
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    write: false,
    metafile: true,
    outdir,
    target: 'es2022',
    logLevel: 'silent',
    absWorkingDir: dir,
    plugins: [
      {
        name: 'package-exports',
        setup(build) {
          build.onResolve({ filter: /^oauth-elements(\/core)?$/ }, (args) => ({
            path: join(dist, exportsMap[args.path]),
          }));
        },
      },
    ],
  });
  const files = new Map();
  const nameOf = (path) => `/${relative(outdir, join(dir, path)).replace(/\\/g, '/')}`;
  for (const out of result.outputFiles) {
    if (!out.path.endsWith('.js')) continue;
    const meta = result.metafile.outputs[relative(dir, out.path).replace(/\\/g, '/')];
    const kind = (k) =>
      meta.imports.filter((entry) => entry.kind === k && !entry.external).map((entry) => nameOf(entry.path));
    files.set(
      `/${relative(outdir, out.path).replace(/\\/g, '/')}`,
      file(
        out.text,
        kind('import-statement'),
        kind('dynamic-import'),
        Object.keys(meta.inputs).map((input) => join(dir, input)),
      ),
    );
  }
  return { files, entry: '/main.js' };
}

/** The drop-in: `vite.dropin.config.ts` built again in memory, which gives the same files as dist/ and what each holds. */
export async function dropIn() {
  const result = await viteBuild({
    configFile: join(root, 'vite.dropin.config.ts'),
    logLevel: 'silent',
    build: { write: false },
  });
  const built = fromRolldown(outputOf(result));
  // The same bytes as the files in dist/, which the bench serves and the package ships.
  for (const [name, entry] of built.files) {
    const onDisk = readFileSync(join(dist, name), 'utf8');
    if (onDisk !== entry.code)
      throw new Error(`dist${name} differs from a fresh drop-in build: run npm run build:dropin`);
  }
  return built;
}

export const builds = {
  'drop-in': () => dropIn(),
  'Vite app': () => viteApp('elements'),
  'esbuild app': () => esbuildApp('elements'),
};
export const coreBuilds = { 'Vite app': () => viteApp('core'), 'esbuild app': () => esbuildApp('core') };
