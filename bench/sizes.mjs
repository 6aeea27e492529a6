// Gzip sizes (minified, gzip -9 -n): the drop-in as built, and each library bundled by rolldown (Vite 8's bundler) for one job.
import { spawnSync } from 'node:child_process';
import { decode } from '@jridgewell/sourcemap-codec';
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
  const sum = (names) =>
    [...names].reduce(
      (total, name) => total + (sizes.get(name) ?? sizes.set(name, gzip(files.get(name))).get(name)),
      0,
    );
  const initial = closure(staticImports);
  const all = closure((code) => [...staticImports(code), ...dynamicImports(code)]);
  return {
    initial: sum(initial),
    all: sum(all),
    files: Object.fromEntries([...all].map((name) => [name, sizes.get(name)])),
  };
}

/** The drop-in bundle in dist/ (run `npm run build:dropin` first). */
export function dropInSizes() {
  const dist = join(root, 'dist');
  const names = readdirSync(dist).filter((name) => /^oauth-elements.*\.js$/.test(name));
  return measure(
    new Map(names.map((name) => [join(dist, name), readFileSync(join(dist, name))])),
    join(dist, 'oauth-elements.js'),
  );
}

/**
 * One bench/entries/<name>.ts bundled as an app's Vite build bundles it: ES modules, split where the
 * code says so, minified, and the entry free to take in what it shares with lazy chunks (Vite builds
 * an app with `preserveEntrySignatures: false`).
 */
export async function entrySizes(name) {
  const bundle = await rolldown({
    input: join(root, 'bench/entries', `${name}.ts`),
    platform: 'browser',
    logLevel: 'silent',
    preserveEntrySignatures: false,
    resolve: { conditionNames: ['production', 'browser', 'import', 'default'] },
  });
  const { output } = await bundle.generate({ format: 'es', minify: true, dir: '/bench-out' });
  await bundle.close();
  const files = new Map(
    output.filter((chunk) => chunk.type === 'chunk').map((chunk) => [join('/bench-out', chunk.fileName), chunk.code]),
  );
  return measure(files, join('/bench-out', `${name}.js`));
}

export const peers = ['oidc-client-ts', 'auth0-spa-js', 'oauth4webapi'];

/**
 * The modules a redirect sign-in loads lazily: each build's chunks that hold one of them (and what
 * those import) are its sign-in path. `npm run bench` records them from a real sign-in in Chromium
 * (the script URLs each build's page requested) and rewrites `bench/sign-in-path.json` if they change.
 */
export const signInPath = () => JSON.parse(readFileSync(join(root, 'bench/sign-in-path.json'), 'utf8'));

/**
 * One build's sizes: the first load (the entry and its static imports), the sign-in path (with the
 * chunks holding `lazy` modules) and everything (every chunk it can load).
 */
export function buildSizes(built, lazy) {
  const closure = (starts, dynamic) => {
    const seen = new Set();
    const visit = (name) => {
      if (seen.has(name) || !built.files.has(name)) return;
      seen.add(name);
      const file = built.files.get(name);
      for (const next of dynamic ? [...file.imports, ...file.dynamicImports] : file.imports) visit(next);
    };
    starts.forEach(visit);
    return seen;
  };
  const sizes = new Map();
  const sum = (names) =>
    [...names].reduce(
      (total, name) => total + (sizes.get(name) ?? sizes.set(name, gzip(built.files.get(name).code)).get(name)),
      0,
    );
  const holding = [...built.files]
    .filter(([, file]) => file.modules.some((module) => lazy.includes(module)))
    .map(([name]) => name);
  return {
    initial: sum(closure([built.entry], false)),
    signIn: sum(closure([built.entry, ...holding], false)),
    all: sum(closure([built.entry], true)),
  };
}

/** The kit's sizes in the three builds an app gets: `elements` (`import 'oauth-elements'`) and `core` (the headless core's sign-in). */
export async function kitSizes() {
  const { builds, coreBuilds } = await import('./app-builds.mjs');
  const lazy = signInPath();
  const rows = { elements: {}, core: {} };
  for (const [name, make] of Object.entries(builds))
    rows.elements[name] = buildSizes(await make(), lazy.elements[name] ?? []);
  for (const [name, make] of Object.entries(coreBuilds))
    rows.core[name] = buildSizes(await make(), lazy.core[name] ?? []);
  return rows;
}

/** Every size the bench reports, in bytes. */
export async function allSizes() {
  const rows = { dropIn: dropInSizes(), core: await entrySizes('kit-core'), kit: await kitSizes() };
  for (const peer of peers) rows[peer] = await entrySizes(peer);
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(JSON.stringify(await allSizes(), null, 2));

/** Which part of the kit a source file belongs to, for {@link attribution}. */
const partOf = (source) => {
  const path = source.replace(/\\/g, '/');
  const area = [
    [/node_modules\/jose\//, 'jose (id_token signatures)'],
    [/node_modules\/(lit|lit-html|lit-element|@lit\/reactive-element)\//, 'lit'],
    [/node_modules\/idb-keyval\//, 'idb-keyval'],
    [/elements\/strings\/(ru|pl|zh)\.ts$/, 'elements: ru, pl and zh strings'],
    [/elements\/consent-popup\//, 'elements: consent popup'],
    [/elements\/login-button\//, 'elements: login button'],
    [/elements\/token-status\//, 'elements: token status'],
    [/elements\/|oauth-elements\.ts$/, 'elements: English strings, controller, events, theme'],
    // The core by its folders (ARCHITECTURE.md).
    [/core\/dpop\//, 'core: DPoP'],
    [/core\/id-token\//, "core: id_token checks (the kit's own)"],
    [/core\/storage\//, 'core: storage and sealing'],
    [/core\/(config\.ts|profiles\/)/, 'core: configuration and provider profiles'],
    [/core\/(sign-in|callback)\//, 'core: sign-in, callback, popup, PAR'],
    [/core\/(renewal\/|session\.ts|sign-out\.ts)/, 'core: session, renewal, sign-out'],
    [/core\/provider\//, 'core: provider endpoints (discovery, HTTP, token, UserInfo, revocation)'],
    [/core\//, 'core: client, errors, events'],
  ].find(([pattern]) => pattern.test(path));
  return area ? area[1] : 'other';
};

/**
 * Where the drop-in's bytes go: the drop-in with every lazy part bundled as one file, and what each
 * part adds to its gzip size (the whole, gzipped with and without that part's bytes). The parts
 * compress together, so they add up to about the whole, not exactly.
 */
export async function attribution() {
  const bundle = await rolldown({
    input: join(root, 'src/oauth-elements.ts'),
    platform: 'browser',
    logLevel: 'silent',
    resolve: { conditionNames: ['production', 'browser', 'import', 'default'] },
  });
  const { output } = await bundle.generate({ format: 'es', minify: true, codeSplitting: false, sourcemap: true });
  await bundle.close();
  const { code, map } = output[0];
  const owner = new Array(code.length).fill(-1);
  let offset = 0;
  const lines = code.split('\n');
  decode(map.mappings).forEach((segments, line) => {
    segments.forEach((segment, i) => {
      const end = i + 1 < segments.length ? segments[i + 1][0] : lines[line].length;
      if (segment.length > 1) owner.fill(segment[1], offset + segment[0], offset + end);
    });
    offset += lines[line].length + 1;
  });
  const parts = map.sources.map(partOf);
  const whole = gzip(code);
  const rows = [...new Set(parts)].map((part) => {
    const without = [...code].filter((_, i) => owner[i] < 0 || parts[owner[i]] !== part).join('');
    return { part, bytes: whole - gzip(without) };
  });
  return { whole, rows: rows.sort((a, b) => b.bytes - a.bytes) };
}
