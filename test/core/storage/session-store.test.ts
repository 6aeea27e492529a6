import { expect } from 'chai';
import { resolveConfig } from '../../../src/core/config.js';
import type { Session } from '../../../src/core/session.js';
import { sessionStore } from '../../../src/core/storage/session-store.js';
import { memoryStore } from '../../../src/core/storage/store.js';

const config = resolveConfig({ issuer: 'https://id.example.com', clientId: 'app', scope: 'openid' });
const session: Session = { accessToken: 'a', tokenType: 'Bearer', expiresAt: Date.now() + 60_000, scope: 'openid' };
const marks = (name: string): number => performance.getEntriesByName(`oauth-elements:${name}`, 'mark').length;

describe('session store', () => {
  it('keeps the session under its client’s key, and removes what is not a session', async () => {
    const store = memoryStore();
    const heard: (Session | null)[] = [];
    const sessions = sessionStore(store, config, (next) => heard.push(next));
    expect(sessions.key).to.equal('session:https://id.example.com app openid');
    await store.set(sessions.key, { not: 'a session' });
    expect(await sessions.read()).to.equal(null);
    expect(await store.get(sessions.key)).to.equal(undefined);
    const [stored, removed] = [marks('session-stored'), marks('session-removed')];
    await sessions.write(session);
    expect(await sessions.read()).to.deep.equal(session);
    await sessions.write(null);
    expect(await store.get(sessions.key)).to.equal(undefined);
    expect(heard).to.deep.equal([session, null]);
    expect([marks('session-stored') - stored, marks('session-removed') - removed]).to.deep.equal([1, 1]);
  });

  it('tells the other tabs after writing: they read what was stored', async () => {
    const store = memoryStore();
    const writer = sessionStore(store, config, () => undefined);
    writer.listen();
    const other = new Promise<Session | null>((resolve) => sessionStore(store, config, resolve).listen());
    const elsewhere = sessionStore(store, resolveConfig({ ...config, clientId: 'another' }), () => {
      throw new Error('another client heard it');
    });
    elsewhere.listen();
    await writer.write(session);
    expect(await other).to.deep.equal(session);
  });

  it('writes only after the read under way, so a late read never hides a new session', async () => {
    let release = (): void => undefined;
    const slow = memoryStore();
    const store = {
      ...slow,
      get: <T>(key: string) => new Promise<void>((resolve) => (release = resolve)).then(() => slow.get<T>(key)),
    };
    const sessions = sessionStore(store, config, () => undefined);
    const reading = sessions.read();
    const writing = sessions.write(session);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await slow.get(sessions.key), 'not yet written').to.equal(undefined);
    release();
    expect(await reading).to.equal(null);
    await writing;
    expect(await slow.get(sessions.key)).to.deep.equal(session);
  });
});
