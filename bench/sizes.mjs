// Gzip sizes (minified, gzip -9 -n): the drop-in as built, and each library bundled by rolldown (Vite 8's bundler) for one job.
import { spawnSync } from 'node:child_process';
import { rolldown } from 'rolldown';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const gzip = (bytes) => spawnSync('gzip', ['-9', '-n', '-c'], { input: bytes, maxBuffer: 1 << 26 }).stdout.length;
const specifiers = (code, pattern) => [...code.matchAll(pattern)].map((match) => match[1]);
const staticImports = (code) => specifiers(code, /(?:^|[;}\s])import\s*(?:[\w${},\s*]+from\s*)?["'`]([^"'`]+)["'`]/g);
const dynamicImports = (code) => specifiers(code, /import\(\s*["'`]([^"'`]+)["'`]\s*\)/g);

/**
 * Sizes of a set of ES modules: the entry with what it imports statically (`initial`), and with
 * every chunk it can load (`all`). Files nothing reaches (stale chunks of an older build) count for nothing.
 */
function measure(files, entry) {
  const sizes = new Map();
  const closure = (follow) => {
    const seen = new Set();
    const visit = (name) => {
      if (seen.has(name) || !files.has(name)) return;
      seen.add(name);
      const code = Buffer.from(files.get(name)).toString();
      for (const spec of follow(code)) visit(join(dirname(name), spec));
    };
    visit(entry);
    return seen;
  };
  const sum = (names) => [...names].reduce((total, name) => total + (sizes.get(name) ?? sizes.set(name, gzip(files.get(name))).get(name)), 0);
  const initial = closure(staticImports);
  const all = closure((code) => [...staticImports(code), ...dynamicImports(code)]);
  return { initial: sum(initial), all: sum(all), files: Object.fromEntries([...all].map((name) => [name, sizes.get(name)])) };
}

/** The drop-in bundle in dist/ (run `npm run build:dropin` first). */
export function dropInSizes() {
  const dist = join(root, 'dist');
  const names = readdirSync(dist).filter((name) => /^oauth-elements.*\.js$/.test(name));
  return measure(new Map(names.map((name) => [join(dist, name), readFileSync(join(dist, name))])), join(dist, 'oauth-elements.js'));
}

/** One bench/entries/<name>.ts bundled like the drop-in: ES modules, split where the code says so, minified. */
export async function entrySizes(name) {
  const bundle = await rolldown({ input: join(root, 'bench/entries', `${name}.ts`), platform: 'browser', logLevel: 'silent', resolve: { conditionNames: ['production', 'browser', 'import', 'default'] } });
  const { output } = await bundle.generate({ format: 'es', minify: true, dir: '/bench-out' });
  await bundle.close();
  const files = new Map(output.filter((chunk) => chunk.type === 'chunk').map((chunk) => [join('/bench-out', chunk.fileName), chunk.code]));
  return measure(files, join('/bench-out', `${name}.js`));
}

export const peers = ['oidc-client-ts', 'auth0-spa-js', 'oauth4webapi'];

/** Every size the bench reports, in bytes. */
export async function allSizes() {
  const rows = { dropIn: dropInSizes(), core: await entrySizes('kit-core') };
  for (const peer of peers) rows[peer] = await entrySizes(peer);
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(JSON.stringify(await allSizes(), null, 2));
