// The ready-made mock provider service worker, built into dist/mock-provider-sw.js by `npm run build:sw`.
// Its URL configures it: `?basePath=/mock` (the default is `mock` beside the worker script) and
// `?consentScript=<URL of the module that defines <oauth-consent-popup>>` (the drop-in bundle beside it by default).
import { createMockProvider } from './provider.js';
import { serveMockProvider } from './service-worker.js';

interface WorkerScope {
  location: Location;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(
    type: 'install' | 'activate',
    listener: (event: Event & { waitUntil(promise: Promise<unknown>): void }) => void,
  ): void;
}

const worker = globalThis as unknown as WorkerScope;
const settings = new URL(worker.location.href).searchParams;
const origin = worker.location.origin;

const provider = createMockProvider({
  basePath: settings.get('basePath') ?? new URL('./mock', worker.location.href).pathname,
  consentScript: settings.get('consentScript') ?? new URL('./oauth-elements.js', worker.location.href).pathname,
  clients: [
    {
      client_id: 'demo',
      client_name: 'oauth-elements demo',
      redirect_uris: [`${origin}/`],
      post_logout_redirect_uris: [`${origin}/`],
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code', 'refresh_token'],
      scope: 'openid profile email offline_access',
    },
  ],
});

worker.addEventListener('install', (event) => event.waitUntil(worker.skipWaiting()));
worker.addEventListener('activate', (event) => event.waitUntil(worker.clients.claim()));
serveMockProvider(provider);
