import { expect } from 'chai';
import {
  createTransaction,
  pendingState,
  saveTransaction,
  takeTransaction,
} from '../../../src/core/sign-in/transaction.js';
import { sealedStore } from '../../../src/core/storage/sealed-store.js';
import { fallbackStore, indexedDbStore, memoryStore, type KeyValueStore } from '../../../src/core/storage/store.js';

const fields = {
  issuer: 'https://id.example',
  redirectUri: 'https://app.example/cb',
  mode: 'redirect',
  flow: 'code',
  scope: 'openid',
  returnTo: '/',
} as const;

const stores: Array<[string, () => KeyValueStore]> = [
  ['memory', memoryStore],
  ['IndexedDB, as the client stacks it', () => sealedStore(fallbackStore(indexedDbStore(), () => undefined))],
];

describe('transaction', () => {
  for (const [what, storeOf] of stores) {
    it(`a newer sign-in replaces the older one at once, and a state is taken once (${what})`, async () => {
      const store = storeOf();
      const clientId = `txn-${crypto.randomUUID()}`;
      const older = createTransaction({ ...fields, clientId });
      const newer = createTransaction({ ...fields, clientId });
      await saveTransaction(store, older);
      await saveTransaction(store, newer);
      expect(await pendingState(store, fields.issuer, clientId)).to.equal(newer.state);
      expect((await takeTransaction(store, older.state)).transaction, 'the older is gone').to.equal(undefined);
      const taken = await takeTransaction(store, newer.state);
      expect(taken.transaction?.verifier).to.equal(newer.verifier);
      await taken.cleared;
      expect((await takeTransaction(store, newer.state)).transaction, 'state is single-use').to.equal(undefined);
      expect(await pendingState(store, fields.issuer, clientId)).to.equal(undefined);
    });
  }
});
