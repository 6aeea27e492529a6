// The elements' css`` templates without the whitespace they are laid out with: minifiers keep template text as it is.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `code` with each css`…` template's text compacted (no `${}` inside: the templates are plain CSS). */
export const compactCss = (code) =>
  code.replace(
    /css\s*`([^`$]*)`/g,
    (_, text) =>
      `css\`${text
        .replace(/\s+/g, ' ')
        .replace(/ ?([{};,>]) ?/g, '$1')
        .replace(/: /g, ':')
        .replace(/;}/g, '}')
        .trim()}\``,
  );

/** Compacts every `*.styles.js` under `dir` in place (the package's dist/, as an app's bundler gets it). */
export function compactStylesIn(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.styles.js')) continue;
    const path = join(entry.parentPath, entry.name);
    writeFileSync(path, compactCss(readFileSync(path, 'utf8')));
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) compactStylesIn(process.argv[2] ?? 'dist');
