import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import dropin from './vite.dropin.config.js';

/** The mock provider's service worker: `dist/mock-provider-sw.js`, one classic script with jose inside, as every browser loads a worker. */
export default defineConfig({
  build: {
    ...dropin.build,
    lib: {
      entry: fileURLToPath(new URL('./src/mock-provider/sw.ts', import.meta.url)),
      formats: ['iife'],
      name: 'oauthElementsMockProvider',
      fileName: () => 'mock-provider-sw.js',
    },
    rollupOptions: {},
  },
});
