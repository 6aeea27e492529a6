import { expect } from 'chai';
import { readCallback } from '../../../src/core/callback/read-callback.js';
import { resolveConfig, type ClientConfig } from '../../../src/core/config.js';
import type { OAuthError } from '../../../src/core/errors.js';
import type { ProviderMetadata } from '../../../src/core/provider/discovery.js';
import {
  markRedirectHere,
  markStartedHere,
  statelessWindow,
  takeAnswered,
} from '../../../src/core/sign-in/callback-state.js';
import { answerCallback } from '../../../src/core/sign-in/sign-in.js';
import type { ClientContext } from '../../../src/core/client-context.js';
import { createTransaction, peekTransaction, saveTransaction } from '../../../src/core/sign-in/transaction.js';
import { memoryStore } from '../../../src/core/storage/store.js';

const issuer = 'https://id.example.com';
/** phpapi echoes no state, and exchanges its code through the app's backend. */
const phpapi: Partial<ClientConfig> = { profile: 'phpapi', tokenEndpoint: '/api/token' };

/** A client with one pending redirect sign-in (made `age` milliseconds ago), and what a callback URL would be taken as. */
async function pending(config: Partial<ClientConfig> = {}, age = 0) {
  const ctx = {
    config: resolveConfig({ issuer, clientId: 'app', redirectUri: 'https://app.example/', ...config }),
    store: memoryStore(),
    metadata: async () => ({}) as ProviderMetadata,
  };
  const transaction = {
    ...createTransaction({
      issuer,
      clientId: 'app',
      redirectUri: 'https://app.example/',
      mode: 'redirect',
      flow: 'code',
      scope: 'openid',
      returnTo: '/',
    }),
    createdAt: Date.now() - age,
  };
  await saveTransaction(ctx.store, transaction);
  const take = (href: string, state: string | undefined) =>
    takeAnswered(ctx, readCallback(href)!, state).then(
      ({ transaction }) => transaction.state,
      (error: OAuthError) => `${error.code}: ${error.message}`,
    );
  const left = async () => (await peekTransaction(ctx.store, transaction.state)) !== undefined;
  return { state: transaction.state, take, left };
}

describe("a callback's state: one set of rules for the page, the popup and the hidden frame", () => {
  it('takes the transaction of the echoed state once', async () => {
    const { state, take, left } = await pending();
    expect(await take(`https://app.example/?code=c&state=${state}`, state)).to.equal(state);
    expect(await left()).to.equal(false);
    expect(await take(`https://app.example/?code=c&state=${state}`, state)).to.equal(
      'invalid_state: the callback matches no sign-in started here',
    );
  });

  it('refuses a code or an error without state from a provider that echoes state, and leaves the sign-in pending', async () => {
    const { state, take, left } = await pending();
    expect(await take('https://app.example/?code=abc', state)).to.equal(
      'invalid_state: the authorization response has no state',
    );
    expect(await take('https://app.example/?error=server_error', state)).to.match(/^invalid_state: .* no state/);
    expect(await left()).to.equal(true);
  });

  it("refuses a relayed callback whose state is not its transaction's, and ends that sign-in", async () => {
    const { state, take, left } = await pending();
    expect(await take('https://app.example/?code=c&state=another', state)).to.equal(
      'invalid_state: the callback matches no sign-in started here',
    );
    expect(await left()).to.equal(false);
  });

  it('takes a callback without state from a provider that echoes none only in the tab that started it, once', async () => {
    const { state, take, left } = await pending(phpapi);
    expect(await take('https://app.example/?code=a', state)).to.equal(
      'invalid_state: a callback without state, in a tab that did not start its sign-in',
    );
    expect(await left(), 'a forged callback leaves the sign-in to its own').to.equal(true);
    markStartedHere(issuer, 'app', state);
    expect(await take('https://app.example/?code=a', state)).to.equal(state);
    expect(await take('https://app.example/?code=a', state)).to.match(/did not start its sign-in/);
  });

  it('takes a callback without state in the tab that started it only within the window, relayed or not', async () => {
    const fresh = await pending(phpapi);
    markStartedHere(issuer, 'app', fresh.state);
    expect(await fresh.take('https://app.example/?code=a', fresh.state)).to.equal(fresh.state);
    const late = await pending(phpapi, statelessWindow + 1000);
    markStartedHere(issuer, 'app', late.state);
    expect(await late.take('https://app.example/?code=a', late.state)).to.equal(
      'invalid_state: a callback without state, too late',
    );
    expect(await late.left()).to.equal(false);
  });
});

describe('a callback in the tab that started its redirect sign-in', () => {
  /** A client of `clientId` whose store counts the reads of transactions before any take. */
  function client(clientId: string) {
    const inner = memoryStore();
    const reads: string[] = [];
    const store = {
      ...inner,
      get: <T>(key: string) => {
        if (key.startsWith('txn:')) reads.push(key);
        return inner.get<T>(key);
      },
      take: async <T>(key: string) => {
        const value = await inner.get<T>(key);
        await inner.delete(key);
        return value;
      },
    };
    const ctx = {
      config: resolveConfig({ issuer, clientId, redirectUri: 'https://app.example/' }),
      store,
      metadata: async () => ({ issuer, authorization_endpoint: '', token_endpoint: 'http://127.0.0.1:9/token' }),
      sessions: { write: async () => undefined },
    } as unknown as ClientContext;
    return { ctx, reads };
  }
  const started = (clientId: string, mode: 'redirect' | 'popup') =>
    createTransaction({
      issuer,
      clientId,
      redirectUri: 'https://app.example/',
      mode,
      flow: 'code',
      scope: 'openid',
      returnTo: '/',
    });
  const answer = (ctx: ClientContext, href: string) =>
    answerCallback(ctx, href).then(
      (answered) => answered,
      (error: OAuthError) => error.code,
    );
  afterEach(() => sessionStorage.clear());

  it('takes its transaction without reading it first; another client of the page leaves it, reading nothing', async () => {
    const mine = client('app');
    const other = client('other');
    const transaction = started('app', 'redirect');
    await saveTransaction(mine.ctx.store, transaction);
    markRedirectHere(transaction);
    const href = `https://app.example/?code=c&state=${transaction.state}`;
    expect(await answer(other.ctx, href), "another client's").to.equal(null);
    // The code went to the (unreachable) token endpoint: the transaction was taken, under its rules.
    expect(await answer(mine.ctx, href)).to.equal('network_error');
    expect(mine.reads.filter((key) => key.endsWith(transaction.state))).to.deep.equal([]);
    expect(other.reads).to.deep.equal([]);
    expect(await peekTransaction(mine.ctx.store, transaction.state)).to.equal(undefined);
    expect(await answer(mine.ctx, href), 'state is single-use').to.equal('invalid_state');
  });

  it('reads first a callback whose sign-in this tab did not start by redirect (another tab did), then takes it', async () => {
    const { ctx, reads } = client('app');
    markRedirectHere(started('app', 'redirect'));
    const elsewhere = started('app', 'redirect');
    await saveTransaction(ctx.store, elsewhere);
    expect(await answer(ctx, `https://app.example/?code=c&state=${elsewhere.state}`)).to.equal('network_error');
    expect(reads).to.deep.equal([`txn:${elsewhere.state}`]);
    expect(await peekTransaction(ctx.store, elsewhere.state)).to.equal(undefined);
  });
});
