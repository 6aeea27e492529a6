// The library build's guard (vite.lib.config.ts): the elements reach the core only through its index.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build, type Plugin, type Rollup } from 'vite';
import { coreByName } from '../../vite.lib.config.js';

/** A module of the elements that is not on disk, with `code` for its source. */
const elementsModule = (code: string): Plugin => {
  const id = fileURLToPath(new URL('../../src/elements/guard-fixture.ts', import.meta.url));
  return {
    name: 'guard-fixture',
    enforce: 'pre',
    resolveId: (source) => (source === 'guard-fixture' ? id : null),
    load: (loaded) => (loaded === id ? code : null),
  };
};

/** Builds the module as the library build does, with the guard, and returns its code. */
async function buildElements(code: string): Promise<string> {
  const output = (await build({
    configFile: false,
    logLevel: 'silent',
    plugins: [elementsModule(code), coreByName],
    build: {
      write: false,
      minify: false,
      rollupOptions: {
        input: 'guard-fixture',
        preserveEntrySignatures: 'strict',
        external: [/^lit($|\/)/, /^@lit\//, 'jose', 'idb-keyval'],
      },
    },
  })) as Rollup.RollupOutput;
  return output.output[0].code;
}

test("the library build imports the core's index as oauth-elements/core", async () => {
  const code = await buildElements("export { createClient } from '../core/index.js';");
  assert.match(code, /export { createClient } from "oauth-elements\/core";/);
  assert.doesNotMatch(code, /class OAuthClient/);
});

test('the library build refuses an elements module that imports any other core module', async () => {
  await assert.rejects(
    buildElements("export { OAuthClient } from '../core/client.js';"),
    /guard-fixture\.ts imports \.\.\/core\/client\.js: outside the core, import it from core\/index\.ts/,
  );
});
