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

  it('two tabs taking one state at the same instant get its transaction once: the read and the delete are one IndexedDB transaction', async () => {
    const store = sealedStore(fallbackStore(indexedDbStore(), () => undefined));
    // The first tab's delete comes a moment after its read, so the second tab's read falls between
    // the two, as it may when two tabs answer one callback URL (one database, two pages' clients).
    const lagging: KeyValueStore = {
      ...store,
      delete: async (key) => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        await store.delete(key);
      },
    };
    const transaction = createTransaction({ ...fields, clientId: `txn-${crypto.randomUUID()}` });
    await saveTransaction(store, transaction);
    const [first, second] = await Promise.all([
      takeTransaction(lagging, transaction.state),
      takeTransaction(store, transaction.state),
    ]);
    const taken = [first.transaction, second.transaction].filter((found) => found !== undefined);
    expect(taken.map((found) => found.verifier)).to.deep.equal([transaction.verifier]);
    await Promise.all([first.cleared, second.cleared]);
    expect(await pendingState(store, fields.issuer, transaction.clientId)).to.equal(undefined);
  });
});
