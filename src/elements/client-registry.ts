import type { OAuthClient } from '../core/index.js';

const clients = new Map<string, OAuthClient>();
const registry = new EventTarget();

/** The name a page's client goes by when nobody names it. */
export const defaultClientName = 'default';

/** Makes a client known to the page's elements under a name. */
export function provideClient(client: OAuthClient, name = defaultClientName): void {
  clients.set(name, client);
  registry.dispatchEvent(new Event(name));
}

/** Calls `listener` with the client of that name now, if any, and whenever another takes the name; returns an unsubscribe. */
export function watchClient(name: string, listener: (client: OAuthClient) => void): () => void {
  const current = clients.get(name);
  if (current) listener(current);
  const onProvide = (): void => {
    const client = clients.get(name);
    if (client) listener(client);
  };
  registry.addEventListener(name, onProvide);
  return () => registry.removeEventListener(name, onProvide);
}
