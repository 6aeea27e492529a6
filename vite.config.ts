import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { mockProvider, type LocalClient } from './src/mock-provider/vite-plugin.js';
import { codeExchangeHandler, nodeRoute, type FetchHandler } from './src/server/index.js';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

type SeedClient = LocalClient & { profile: 'redguy' | 'panel' | 'gearcode' | 'phpapi' };

/** The demo's clients of the seed providers (demo/seeds.ts); the confidential ones' secrets stay on this server. */
const seedClients = (
  [
    {
      profile: 'redguy',
      client_id: 'demo-redguy',
      response_types: ['token'],
      grant_types: ['implicit'],
      token_endpoint_auth_method: 'none',
    },
    {
      profile: 'panel',
      client_id: 'demo-panel',
      client_secret: 'demo-panel-secret-not-for-production',
      scope: 'user.read user.email',
    },
    { profile: 'gearcode', client_id: 'demo-gearcode', client_secret: 'demo-gearcode-secret-not-for-production' },
    { profile: 'phpapi', client_id: 'demo-phpapi', client_secret: 'demo-phpapi-secret-not-for-production' },
  ] as SeedClient[]
).map((client): SeedClient => ({
  client_name: `oauth-elements demo (${client.profile})`,
  redirect_uris: [`/callback.html?via=${client.profile}`],
  token_endpoint_auth_method: 'client_secret_post',
  ...client,
}));

type Server = {
  middlewares: { use: (fn: (req: IncomingMessage, res: ServerResponse, next: () => void) => void) => void };
  httpServer: import('node:http').Server | import('node:http2').Http2SecureServer | null;
};

/** The app's backend: `/api/oauth/<id>/token` for each confidential seed client, as an app's server would mount it. */
function demoBackend(): Plugin {
  const mount = (server: Server): void => {
    const routes = new Map<string, FetchHandler>();
    server.httpServer?.once('listening', () => {
      const { port } = server.httpServer?.address() as AddressInfo;
      const origins = ['localhost', '127.0.0.1'].map((host) => `http://${host}:${port}`);
      for (const { profile, client_id: clientId = '', client_secret: clientSecret } of seedClients) {
        if (!clientSecret) continue;
        routes.set(
          `/api/oauth/${profile}/token`,
          codeExchangeHandler({
            profile,
            issuer: `http://localhost:${port}/mock/${profile}`,
            clientId,
            clientSecret,
            allowedOrigins: origins,
          }),
        );
      }
    });
    server.middlewares.use((req, res, next) => {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      const handler = routes.get(path);
      if (handler) nodeRoute(path, handler)(req, res, next);
      else next();
    });
  };
  return { name: 'oauth-elements:demo-backend', configureServer: mount, configurePreviewServer: mount };
}

/** `npm start`: the demo on http://localhost:5173 with the mock provider at /mock/<profile> and the demo's backend at /api/oauth. */
export default defineConfig({
  root: here('./demo'),
  resolve: {
    alias: [
      { find: /^oauth-elements$/, replacement: here('./src/index.ts') },
      { find: /^oauth-elements\/(core|elements|mock-provider|server)$/, replacement: here('./src/$1/index.ts') },
    ],
  },
  server: { port: 5173, fs: { allow: [here('.')] } },
  build: {
    outDir: here('./dist/demo'),
    emptyOutDir: true,
    rollupOptions: { input: { main: here('./demo/index.html'), callback: here('./demo/callback.html') } },
  },
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
        ...seedClients,
      ],
    }),
    demoBackend(),
  ],
});
