// Fails when a module under src/ reaches itself through its imports (issue 16: no import circles).
// Every import counts: static, dynamic (a lazy chunk's import() too) and type-only, since each ties
// the two modules' meanings together. Run by `npm run lint`; `node scripts/import-cycles.mjs [dir]`.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(process.argv[2] ?? 'src');
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full);
    else if (/\.ts$/.test(name) && !name.endsWith('.d.ts')) files.push(full);
  }
};
walk(root);
const known = new Set(files);

/** The modules under `root` that `file` imports, by their paths. */
const importsOf = (file) =>
  ts
    .preProcessFile(readFileSync(file, 'utf8'), true, true)
    .importedFiles.map(({ fileName }) => fileName)
    .filter((spec) => spec.startsWith('.'))
    .map((spec) => path.resolve(path.dirname(file), spec).replace(/\.js$/, '.ts'))
    .filter((target) => known.has(target));
const graph = new Map(files.map((file) => [file, [...new Set(importsOf(file))]]));

// Tarjan's strongly connected components: each component of more than one module (or a module
// importing itself) is a circle.
let counter = 0;
const index = new Map();
const low = new Map();
const stack = [];
const onStack = new Set();
const circles = [];
const connect = (v) => {
  index.set(v, counter);
  low.set(v, counter++);
  stack.push(v);
  onStack.add(v);
  for (const w of graph.get(v)) {
    if (!index.has(w)) {
      connect(w);
      low.set(v, Math.min(low.get(v), low.get(w)));
    } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
  }
  if (low.get(v) !== index.get(v)) return;
  const component = [];
  let w;
  do {
    w = stack.pop();
    onStack.delete(w);
    component.push(w);
  } while (w !== v);
  if (component.length > 1 || graph.get(v).includes(v)) circles.push(component);
};
for (const file of files) if (!index.has(file)) connect(file);

const name = (file) => path.relative(process.cwd(), file);
for (const component of circles) {
  const members = new Set(component);
  // The shortest way around the circle from one of its modules back to it, for the message.
  const start = component[component.length - 1];
  const cameFrom = new Map();
  const queue = [start];
  while (queue.length && !cameFrom.has(start)) {
    const at = queue.shift();
    for (const next of graph.get(at)) {
      if (!members.has(next) || cameFrom.has(next)) continue;
      cameFrom.set(next, at);
      queue.push(next);
    }
  }
  const path_ = [start];
  for (let at = cameFrom.get(start); at !== start; at = cameFrom.get(at)) path_.unshift(at);
  path_.unshift(start);
  console.error(
    `import circle: ${path_.map(name).join(' -> ')}${component.length > path_.length - 1 ? ` (one of the circles among ${component.map(name).join(', ')})` : ''}`,
  );
}
if (circles.length) process.exit(1);
console.log(`no import circles among ${files.length} modules under ${name(root) || '.'}`);
