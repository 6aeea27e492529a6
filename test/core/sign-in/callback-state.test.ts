import { expect } from 'chai';
import { readCallback } from '../../../src/core/callback/callback-url.js';
import { resolveConfig, type ClientConfig } from '../../../src/core/config.js';
import type { OAuthError } from '../../../src/core/errors.js';
import type { ProviderMetadata } from '../../../src/core/provider/discovery.js';
import { markStartedHere, statelessWindow, takeAnswered } from '../../../src/core/sign-in/callback-state.js';
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
