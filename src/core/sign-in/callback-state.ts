import type { CallbackParams } from '../callback/callback-url.js';
import { absoluteIssuer, type ResolvedConfig } from '../config.js';
import { OAuthError } from '../errors.js';
import { fromTab, toTab } from '../storage/tab-cache.js';
import type { SignInContext } from '../client-context.js';
import { takeTransaction, type Transaction } from './transaction.js';

// Every rule of a callback's `state`, for every way a callback arrives (the page, a popup, a hidden frame),
// but one: which relayed message a waiting page hears at all (callback/popup.ts, while it waits).
// A provider that echoes no `state` (phpapi) leaves a callback nothing that binds it to its sign-in:
// only where it is finished (the tab that started it: a popup's is finished by its opener), when (soon
// after), and that it comes once.

/**
 * How long after its sign-in started a callback without `state` is taken: time to type a password
 * and a second factor at the provider, not the ten minutes a transaction otherwise lives, so that an
 * abandoned sign-in stops waiting for a forged callback soon.
 */
export const statelessWindow = 3 * 60_000;

const keyOf = (issuer: string, clientId: string): string => `started:${issuer} ${clientId}`;

/**
 * Marks this tab as the one that started the client's sign-in `state`: sessionStorage belongs to
 * one tab and survives the full-page redirect back to it. A newer sign-in replaces the mark; without
 * sessionStorage there is no mark, and a callback without state is refused.
 * @see https://html.spec.whatwg.org/multipage/webstorage.html#the-sessionstorage-attribute
 */
export function markStartedHere(issuer: string, clientId: string, state: string): void {
  toTab(keyOf(issuer, clientId), state);
}

/** Whether this tab started the client's sign-in `state`; the mark is taken, so it says yes once. */
function takeStartedHere(issuer: string, clientId: string, state: string | undefined): boolean {
  const marked = fromTab<string>(keyOf(issuer, clientId));
  toTab(keyOf(issuer, clientId), null);
  return marked === state;
}

/** Whether a transaction is this client's: its issuer and `client_id`. */
export const owns = (config: ResolvedConfig, transaction: Pick<Transaction, 'issuer' | 'clientId'>): boolean =>
  transaction.issuer === absoluteIssuer(config.issuer) && transaction.clientId === config.clientId;

const redirectKey = 'redirect-started';

/** A redirect sign-in leaving this tab: its callback, back in this tab, is known by its state before storage is read. */
export function markRedirectHere({ state, issuer, clientId }: Transaction): void {
  toTab(redirectKey, { state, issuer, clientId });
}

/**
 * Whether `state` answers the redirect sign-in this tab started last: `true` when it is this client's,
 * `false` another client's of the page, `undefined` when it answers none (a popup's, a hidden
 * frame's, another tab's, or none at all: the stored transaction tells). A hint only: the callback
 * still takes its transaction under every rule of {@link takeAnswered}.
 */
export function answersRedirectHere(config: ResolvedConfig, state: string | undefined): boolean | undefined {
  const started = fromTab<Pick<Transaction, 'state' | 'issuer' | 'clientId'>>(redirectKey);
  return state !== undefined && started?.state === state ? owns(config, started) : undefined;
}

/**
 * Takes the transaction `state` that a callback answers (state is single-use), or refuses the
 * callback with `invalid_state`: no `state` from a provider that echoes it; a relayed one (a popup's,
 * a hidden frame's) whose `state` is not its transaction's; one that matches no sign-in of this
 * client; and, from a provider that echoes none, one finished outside the tab that started its
 * sign-in, or too late. A refusal before the transaction is found leaves it to its own callback.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-10.12
 * @see https://www.rfc-editor.org/rfc/rfc9700#section-4.7
 */
export async function takeAnswered(
  ctx: SignInContext,
  params: CallbackParams,
  state: string | undefined,
): Promise<{ transaction: Transaction; cleared: Promise<void> }> {
  const refuse = (why: string): never => {
    throw new OAuthError('invalid_state', why);
  };
  const stateless = params.state === undefined;
  if (stateless) {
    if (ctx.config.profile.echoesState) refuse('the authorization response has no state');
    // Login CSRF: a code without state in another tab than the one that started the sign-in is anyone's.
    // (Without a state to take, nothing is marked and nothing taken: it is refused below.)
    if (!takeStartedHere(absoluteIssuer(ctx.config.issuer), ctx.config.clientId, state))
      refuse('a callback without state, in a tab that did not start its sign-in');
  }
  const taken = state === undefined ? undefined : await takeTransaction(ctx.store, state);
  const transaction = taken?.transaction;
  const why =
    !transaction || !owns(ctx.config, transaction) || (params.state !== undefined && params.state !== state)
      ? 'the callback matches no sign-in started here'
      : params.state === undefined && Date.now() - transaction.createdAt > statelessWindow
        ? 'a callback without state, too late'
        : '';
  if (why) {
    await taken?.cleared;
    refuse(why);
  }
  return taken as { transaction: Transaction; cleared: Promise<void> };
}
