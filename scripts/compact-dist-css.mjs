// `node scripts/compact-dist-css.mjs dist` (npm run build:lib): the elements' styles in tsc's output compacted as the
// bundles' are (compact-css.mjs), in place.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compactCss } from './compact-css.mjs';

for (const entry of readdirSync(process.argv[2] ?? 'dist', { withFileTypes: true, recursive: true })) {
  if (!entry.isFile() || !entry.name.endsWith('.styles.js')) continue;
  const path = join(entry.parentPath, entry.name);
  writeFileSync(path, compactCss(readFileSync(path, 'utf8')));
}
