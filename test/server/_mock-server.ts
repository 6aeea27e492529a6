// The mock provider served in this Node process on a loopback port, for the Node tests of src/server.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleNode } from '../../src/mock-provider/node-adapter.js';
import { createMockProvider, type MockProvider } from '../../src/mock-provider/provider.js';

/** A running mock provider: its handler and state, its origin, and how to stop it. */
export interface ServedMock {
  provider: MockProvider;
  origin: string;
  /** The issuer of one profile's mount: `${origin}/mock/<profile>`. */
  issuerOf(profile: string): string;
  close(): Promise<void>;
}

/** Starts a fresh mock provider on 127.0.0.1 and a free port. */
export async function _serveMock(): Promise<ServedMock> {
  const provider = createMockProvider();
  const server: Server = createServer((req, res) => {
    handleNode(provider, req, res).then(
      (handled) => handled || res.writeHead(404).end(),
      () => res.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    provider,
    origin,
    issuerOf: (profile) => `${origin}${provider.basePath}/${profile}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
