import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { mockProvider } from './src/mock-provider/vite-plugin.js';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/** `npm start`: the demo on http://localhost:5173 with the mock provider at /mock/oidc. */
export default defineConfig({
  root: here('./demo'),
  resolve: {
    alias: [
      { find: /^oauth-elements$/, replacement: here('./src/index.ts') },
      { find: /^oauth-elements\/(core|elements|mock-provider)$/, replacement: here('./src/$1/index.ts') },
    ],
  },
  server: { port: 5173, fs: { allow: [here('.')] } },
  build: { outDir: here('./dist/demo'), emptyOutDir: true },
  plugins: [
    mockProvider({
      localClients: [
        {
          client_id: 'demo',
          client_name: 'oauth-elements demo',
          client_uri: 'https://github.com/oauth-elements',
          redirect_uris: ['/'],
          token_endpoint_auth_method: 'none',
          grant_types: ['authorization_code', 'refresh_token'],
          scope: 'openid profile email offline_access',
        },
      ],
    }),
  ],
});
