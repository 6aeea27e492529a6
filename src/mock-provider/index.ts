export { createMockProvider, type MockProvider, type MockProviderOptions } from './provider.js';
export type { ClientMetadata } from './client-metadata.js';
export type { MockClient, MockUser } from './state.js';
export { defaultUsers } from './state.js';
export {
  serveMockProvider,
  type MockFetchEvent,
  type MockWorkerScope,
  type ServeMockProviderOptions,
} from './service-worker.js';
export { handleNode, nodeMiddleware } from './node-adapter.js';
