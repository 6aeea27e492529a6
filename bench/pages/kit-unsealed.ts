// Not the kit's default, and not a recommendation: its client on a store that keeps everything, tokens
// included, unsealed in sessionStorage (the KeyValueStore a client may be given). Beside the default
// (IndexedDB, sessions sealed with AES-GCM) it shows what those two cost a sign-in and a reload.
import { OAuthClient, type KeyValueStore } from '../../src/core/index.js';
import { exposeKit, kitConfig } from './_kit.js';

const stored = (key: string): string => `bench-unsealed:${key}`;
const store: KeyValueStore = {
  get: async (key) => JSON.parse(sessionStorage.getItem(stored(key)) ?? 'null') ?? undefined,
  set: async (key, value) => sessionStorage.setItem(stored(key), JSON.stringify(value)),
  delete: async (key) => sessionStorage.removeItem(stored(key)),
};

exposeKit(new OAuthClient(kitConfig(), store));
