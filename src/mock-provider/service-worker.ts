import type { MockProvider } from './provider.js';

/** The part of a `FetchEvent` the adapter uses. @see https://w3c.github.io/ServiceWorker/#fetchevent-interface */
export interface MockFetchEvent extends Event {
  readonly request: Request;
  respondWith(response: Response | Promise<Response>): void;
}

/** The part of a `ServiceWorkerGlobalScope` the adapter uses. @see https://w3c.github.io/ServiceWorker/#serviceworkerglobalscope-interface */
export interface MockWorkerScope {
  readonly location: { readonly origin: string };
  addEventListener(type: 'fetch', listener: (event: MockFetchEvent) => void): void;
}

/** Options of {@link serveMockProvider}. */
export interface ServeMockProviderOptions {
  /** The worker's global scope; `self` unless given. */
  scope?: MockWorkerScope;
}

/**
 * Answers, from a service worker, the `fetch` events below the provider's base path on the worker's
 * own origin with the provider's handler; every other request goes to the network as if no worker were there.
 * @see https://w3c.github.io/ServiceWorker/#fetchevent-respondwith
 */
export function serveMockProvider(provider: MockProvider, options: ServeMockProviderOptions = {}): void {
  const scope = options.scope ?? (globalThis as unknown as MockWorkerScope);
  scope.addEventListener('fetch', (event) => {
    const url = new URL(event.request.url);
    if (url.origin === scope.location.origin && url.pathname.startsWith(`${provider.basePath}/`))
      event.respondWith(provider(event.request));
  });
}
