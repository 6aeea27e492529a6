import { expect } from 'chai';
import { OAuthError } from '../../../src/core/errors.js';
import {
  fallbackStore,
  indexedDbStore,
  memoryStore,
  takeFrom,
  type KeyValueStore,
} from '../../../src/core/storage/store.js';
import { sealedStore } from '../../../src/core/storage/sealed-store.js';

/** A store whose every operation fails as IndexedDB does in a private window or over quota. */
const brokenStore: KeyValueStore = {
  get: () => Promise.reject(new OAuthError('storage_unavailable', 'quota exceeded')),
  set: () => Promise.reject(new OAuthError('storage_unavailable', 'quota exceeded')),
  delete: () => Promise.reject(new OAuthError('storage_unavailable', 'quota exceeded')),
};

describe('store', () => {
  it('keeps values in the kit’s own IndexedDB database', async () => {
    const store = indexedDbStore();
    await store.set('test:key', { a: 1 });
    expect(await store.get('test:key')).to.deep.equal({ a: 1 });
    await store.delete('test:key');
    expect(await store.get('test:key')).to.equal(undefined);
  });

  it('keeps copies in memory, not references', async () => {
    const store = memoryStore();
    const value = { a: 1 };
    await store.set('k', value);
    value.a = 2;
    expect(await store.get('k')).to.deep.equal({ a: 1 });
  });

  it('moves to memory once IndexedDB fails, and says so once', async () => {
    const failures: string[] = [];
    const store = fallbackStore(brokenStore, (error) => failures.push(error.code));
    await store.set('k', 'v');
    expect(await store.get('k')).to.equal('v');
    await store.delete('k');
    expect(failures).to.deep.equal(['storage_unavailable']);
  });

  it('says so once when operations started together fail together', async () => {
    const failures: string[] = [];
    const store = fallbackStore(brokenStore, (error) => failures.push(error.code));
    await Promise.all([store.get('a'), store.get('b'), store.set('c', 1)]);
    expect(failures).to.deep.equal(['storage_unavailable']);
    expect(await store.get('c')).to.equal(1);
  });

  it('says what outlives the page: everything in IndexedDB; after a fallback, transactions in sessionStorage and nothing where it is denied', async () => {
    const store = fallbackStore(brokenStore, () => undefined);
    const [transaction, session] = ['txn:a-state', 'session:an-issuer a-client openid'];
    expect([store.lasts?.(transaction), store.lasts?.(session)], 'before IndexedDB failed').to.deep.equal([true, true]);
    await store.set(transaction, { a: 1 });
    expect([store.lasts?.(transaction), store.lasts?.(session)], 'sessionStorage, memory').to.deep.equal([true, false]);
    await store.delete(transaction);
    // Cookies blocked: sessionStorage throws on its first use, and a transaction is kept in memory only.
    const denied = Object.getOwnPropertyDescriptor(window, 'sessionStorage')!;
    Object.defineProperty(window, 'sessionStorage', {
      configurable: true,
      get: () => {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      },
    });
    try {
      const nowhere = fallbackStore(brokenStore, () => undefined);
      await nowhere.set(transaction, { a: 1 });
      expect(nowhere.lasts?.(transaction)).to.equal(false);
      expect(sealedStore(nowhere).lasts?.(transaction), 'through the seal').to.equal(false);
    } finally {
      Object.defineProperty(window, 'sessionStorage', denied);
    }
  });

  it('takes a value once in every store: read and deleted at once, in one IndexedDB transaction', async () => {
    const stores: Array<[string, KeyValueStore]> = [
      ['IndexedDB', indexedDbStore()],
      ['memory, which has no take of its own', memoryStore()],
      ['after a fallback (a transaction in sessionStorage)', fallbackStore(brokenStore, () => undefined)],
    ];
    for (const [what, store] of stores) {
      const key = `txn:${crypto.randomUUID()}`;
      await store.set(key, { a: 1 });
      const both = await Promise.all([takeFrom(store, key), takeFrom(store, key)]);
      expect(
        both.filter((value) => value !== undefined),
        what,
      ).to.deep.equal([{ a: 1 }]);
      expect(await store.get(key), what).to.equal(undefined);
    }
  });
});
