import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** The drop-in bundle: `dist/oauth-elements.js`, one ES module with lit, jose and idb-keyval inside. */
export default defineConfig({
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: false,
    target: 'es2022',
    lib: {
      entry: fileURLToPath(new URL('./src/oauth-elements.ts', import.meta.url)),
      formats: ['es'],
      fileName: () => 'oauth-elements.js',
    },
    // jose (id_token checks) loads on first use from beside the bundle.
    rollupOptions: { output: { chunkFileNames: 'oauth-elements-[name]-[hash].js' } },
  },
});
