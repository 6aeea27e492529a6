import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { nodeMiddleware } from './node-adapter.js';
import { createMockProvider, type MockProviderOptions } from './provider.js';
import type { ClientMetadata } from './client-metadata.js';

/** A client of the server's own pages, registered in one profile (`oidc` unless named). */
export interface LocalClient extends ClientMetadata {
  profile?: string;
}

/** Options of the Vite plugin: the provider's, plus clients whose redirect URIs are paths on the server's own origin. */
export interface MockProviderPluginOptions extends MockProviderOptions {
  /** Registered once the server listens; a redirect URI such as `/` is resolved against every local origin. */
  localClients?: LocalClient[];
}

function consentElementModule(): string | undefined {
  for (const extension of ['ts', 'js']) {
    const path = fileURLToPath(new URL(`../elements/consent-popup/define.${extension}`, import.meta.url));
    if (existsSync(path)) return `/@fs${path}`;
  }
  return undefined;
}

/**
 * Serves the mock provider from Vite's dev and preview servers, with the same handler tests use.
 * @see https://vite.dev/guide/api-plugin.html#configureserver
 */
export function mockProvider(options: MockProviderPluginOptions = {}): Plugin {
  let consentScript = options.consentScript;
  const provider = () => (instance ??= createMockProvider({ ...options, consentScript }));
  let instance: ReturnType<typeof createMockProvider> | undefined;

  const mount = (server: {
    middlewares: { use: (fn: ReturnType<typeof nodeMiddleware>) => void };
    httpServer: import('node:http').Server | import('node:http2').Http2SecureServer | null;
  }): void => {
    server.middlewares.use((req, res, next) => nodeMiddleware(provider())(req, res, next));
    server.httpServer?.once('listening', () => {
      const address = server.httpServer?.address() as AddressInfo | null;
      if (!address) return;
      const origins = ['localhost', '127.0.0.1'].map((host) => `http://${host}:${address.port}`);
      for (const { profile, ...client } of options.localClients ?? []) {
        provider().registerClient(
          {
            ...client,
            redirect_uris: (client.redirect_uris ?? []).flatMap((uri) =>
              origins.map((origin) => new URL(uri, origin).href),
            ),
          },
          profile,
        );
      }
    });
  };

  return {
    name: 'oauth-elements:mock-provider',
    configureServer(server) {
      consentScript ??= consentElementModule();
      mount(server);
    },
    configurePreviewServer(server) {
      mount(server);
    },
  };
}
