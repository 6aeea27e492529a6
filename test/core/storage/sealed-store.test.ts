import { expect } from 'chai';
import { sealedStore } from '../../../src/core/storage/sealed-store.js';
import { memoryStore, type KeyValueStore } from '../../../src/core/storage/store.js';

const session = { accessToken: 'at-secret', tokenType: 'Bearer', scope: 'openid', expiresAt: 1_700_000_000_000 };

describe('sealed store', () => {
  it('keeps sessions as AES-GCM ciphertext and reads them back', async () => {
    const inner = memoryStore();
    const store = sealedStore(inner);
    await store.set('session:a', session);
    const raw = await inner.get<Record<string, string>>('session:a');
    expect(JSON.stringify(raw)).not.to.include('at-secret');
    expect(raw).to.have.keys('sealed', 'iv', 'data');
    expect(await store.get('session:a')).to.deep.equal(session);
  });

  it('uses a fresh IV for every write', async () => {
    const inner = memoryStore();
    const store = sealedStore(inner);
    await store.set('session:a', session);
    const first = await inner.get<{ iv: string; data: string }>('session:a');
    await store.set('session:a', session);
    const second = await inner.get<{ iv: string; data: string }>('session:a');
    expect(second?.iv).not.to.equal(first?.iv);
    expect(second?.data).not.to.equal(first?.data);
  });

  it('reads a tampered or plaintext session as null, so the client drops it', async () => {
    const inner = memoryStore();
    const store = sealedStore(inner);
    await store.set('session:a', session);
    const raw = (await inner.get<{ sealed: 1; iv: string; data: string }>('session:a'))!;
    const flipped = raw.data.startsWith('A') ? 'B' : 'A';
    await inner.set('session:a', { ...raw, data: `${flipped}${raw.data.slice(1)}` });
    expect(await store.get('session:a')).to.equal(null);
    await inner.set('session:b', session);
    expect(await store.get('session:b')).to.equal(null);
  });

  it('cannot open what another key sealed', async () => {
    const inner = memoryStore();
    await sealedStore(inner).set('session:a', session);
    await inner.delete('key:seal');
    expect(await sealedStore(inner).get('session:a')).to.equal(null);
  });

  it('keeps one non-extractable key for every store over the same storage', async () => {
    const inner = memoryStore();
    await Promise.all([sealedStore(inner).set('session:a', session), sealedStore(inner).set('session:b', session)]);
    const store = sealedStore(inner);
    expect(await store.get('session:a')).to.deep.equal(session);
    expect(await store.get('session:b')).to.deep.equal(session);
    const key = await inner.get<CryptoKey>('key:seal');
    expect(key?.extractable).to.equal(false);
  });

  it('reads the key beside the session, and still refuses a tampered session', async () => {
    const inner = memoryStore();
    await sealedStore(inner).set('session:a', session);
    const reads: string[] = [];
    const watched: KeyValueStore = { ...inner, get: (key) => (reads.push(key), inner.get(key)) };
    const store = sealedStore(watched);
    const reading = store.get('session:a');
    expect(reads, 'both reads start at once').to.deep.equal(['key:seal', 'session:a']);
    expect(await reading).to.deep.equal(session);
    const raw = (await inner.get<{ sealed: 1; iv: string; data: string }>('session:a'))!;
    const flipped = raw.data.startsWith('A') ? 'B' : 'A';
    await inner.set('session:a', { ...raw, data: `${flipped}${raw.data.slice(1)}` });
    expect(await sealedStore(watched).get('session:a')).to.equal(null);
  });

  it('makes no key when a signed-out page reads its session, and seals under the kept key after', async () => {
    const inner = memoryStore();
    expect(await sealedStore(inner).get('session:a')).to.equal(undefined);
    expect(await inner.get('key:seal'), 'no key for a mere read').to.equal(undefined);
    await sealedStore(inner).set('session:a', session);
    const store = sealedStore(inner);
    expect(await store.get('session:a')).to.deep.equal(session);
    await store.set('session:b', session);
    expect(await sealedStore(inner).get('session:b'), 'sealed under the key read beside the session').to.deep.equal(
      session,
    );
  });

  it('leaves transactions as they are, so they survive a redirect in the page store', async () => {
    const inner = memoryStore();
    await sealedStore(inner).set('txn:s', { state: 's' });
    expect(await inner.get('txn:s')).to.deep.equal({ state: 's' });
  });

  it('makes its key when a sign-in stores its transaction, before any session, and seals the session under it', async () => {
    const inner = memoryStore();
    const store = sealedStore(inner);
    expect(await inner.get('key:seal'), 'no key for a signed-out page').to.equal(undefined);
    await store.set('txn:s', { state: 's' });
    const key = await new Promise<unknown>((resolve, reject) => {
      const started = Date.now();
      const poll = async (): Promise<void> => {
        const kept = await inner.get('key:seal');
        if (kept instanceof CryptoKey) resolve(kept);
        else if (Date.now() - started > 5000) reject(new Error('no seal key was made'));
        else setTimeout(poll, 10);
      };
      void poll();
    });
    expect((key as CryptoKey).extractable).to.equal(false);
    await store.set('session:a', session);
    expect(await sealedStore(inner).get('session:a'), 'a store reading the kept key opens the session').to.deep.equal(
      session,
    );
  });

  it('takes through the seal: a session opened, a transaction as it lies, each gone from storage after', async () => {
    const inner = memoryStore();
    const store = sealedStore(inner);
    await store.set('session:a', session);
    await store.set('txn:s', { state: 's' });
    expect(await store.take?.('session:a')).to.deep.equal(session);
    expect(await store.take?.('txn:s')).to.deep.equal({ state: 's' });
    expect([await inner.get('session:a'), await inner.get('txn:s')]).to.deep.equal([undefined, undefined]);
  });
});
