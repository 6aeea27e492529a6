import type { LoginMode } from '../config.js';

/** How a transaction's callback comes back: the page itself, a popup, or a hidden frame (silent renewal). */
export type TransactionMode = LoginMode | 'silent';
import type { Flow } from '../profiles/index.js';
import { createVerifier } from './pkce.js';
import { randomToken } from '../random.js';
import type { KeyValueStore } from '../storage/store.js';
import { keyOf } from '../storage/keys.js';

/** What the kit remembers between the authorization request and its callback. */
export interface Transaction {
  state: string;
  nonce: string;
  verifier: string;
  issuer: string;
  clientId: string;
  redirectUri: string;
  mode: TransactionMode;
  flow: Flow;
  scope: string;
  returnTo: string;
  createdAt: number;
}

/** A transaction older than this is refused; it stays stored until its callback or the client's next sign-in takes it. */
const transactionLifetime = 10 * 60_000;

const live = (transaction: Transaction | undefined): Transaction | undefined =>
  transaction && Date.now() - transaction.createdAt < transactionLifetime ? transaction : undefined;

/**
 * A fresh transaction with unguessable state and nonce and a PKCE verifier.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-10.12
 * @see https://openid.net/specs/openid-connect-core-1_0.html#NonceNotes
 */
export function createTransaction(
  fields: Pick<Transaction, 'issuer' | 'clientId' | 'redirectUri' | 'mode' | 'flow' | 'scope' | 'returnTo'>,
): Transaction {
  return { ...fields, state: randomToken(), nonce: randomToken(), verifier: createVerifier(), createdAt: Date.now() };
}

/**
 * Keeps a transaction until its callback arrives, as the one pending sign-in of its client: a newer
 * sign-in replaces an older one, whose callback is then refused. A provider that echoes no state
 * finds its transaction through that pointer.
 */
export async function saveTransaction(store: KeyValueStore, transaction: Transaction): Promise<void> {
  const pendingKey = keyOf('txn-pending', transaction.issuer, transaction.clientId);
  await Promise.all([
    // The older pointer is read before the new one is written (IndexedDB runs transactions in the order they are made).
    store.get<string>(pendingKey).then<unknown>((older) => older && store.delete(keyOf('txn', older))),
    store.set(keyOf('txn', transaction.state), transaction),
    store.set(pendingKey, transaction.state),
  ]);
}

/** The state of the one pending sign-in of a client. */
export async function pendingState(
  store: KeyValueStore,
  issuer: string,
  clientId: string,
): Promise<string | undefined> {
  return store.get<string>(keyOf('txn-pending', issuer, clientId));
}

/** Reads a transaction without consuming it (a popup's callback page only relays). */
export async function peekTransaction(store: KeyValueStore, state: string): Promise<Transaction | undefined> {
  return live(await store.get<Transaction>(keyOf('txn', state)));
}

/**
 * Reads and deletes a transaction at once (one IndexedDB transaction: two tabs answering the same
 * callback cannot both read it): state is single-use. The transaction is back as soon as it is
 * gone from storage; `cleared` settles (never rejects) once the client's pointer to it is gone too.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-10.12
 */
export async function takeTransaction(
  store: KeyValueStore,
  state: string,
): Promise<{ transaction: Transaction | undefined; cleared: Promise<void> }> {
  const key = keyOf('txn', state);
  // Not storage/store.ts's takeFrom: it loads with the client, and an import of it would split it off in an esbuild app.
  const transaction = await (store.take
    ? store.take<Transaction>(key)
    : Promise.all([store.get<Transaction>(key), store.delete(key)]).then(([found]) => found));
  // A pointer left behind points at nothing: the next sign-in replaces it, so clearing it never fails the callback.
  const cleared = transaction ? clearPending(store, transaction, state).catch(() => undefined) : Promise.resolve();
  return { transaction: live(transaction), cleared };
}

async function clearPending(store: KeyValueStore, transaction: Transaction, state: string): Promise<void> {
  const pending = keyOf('txn-pending', transaction.issuer, transaction.clientId);
  if ((await store.get(pending)) === state) await store.delete(pending);
}
