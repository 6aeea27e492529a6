import { OAuthError } from '../errors.js';
import { renewsAtBackend } from '../provider/backend.js';
import { refreshSession } from './refresh.js';
import { isFresh, type Session } from '../session.js';
import type { ClientContext } from '../client-context.js';
import { completeSignIn, startSignIn } from '../sign-in/sign-in.js';
import { silentCallback } from '../callback/silent-renewal.js';
import { keyOf, sharedName } from '../storage/keys.js';

// Loaded by the client on its first renewal.

/**
 * Renews the token once across tabs. The tab that gets the exclusive lock renews; the others wait
 * for it on a shared lock, all at once, and take what it stored. A renewer that dies releases the
 * lock and the next one tries. Where the browser refuses locks (the site's storage blocked: a
 * SecurityError), there is no storage for another tab to share, and the tab renews alone.
 * @see https://w3c.github.io/web-locks/
 */
export async function renewAcrossTabs(ctx: ClientContext, signal?: AbortSignal): Promise<Session> {
  const locks = globalThis.navigator?.locks;
  if (!locks) return renewLocked(ctx, signal);
  const name = sharedName(keyOf('renew', ctx.sessions.key));
  for (;;) {
    let granted = false;
    const renewed = await locks
      .request(name, { ifAvailable: true }, (lock) => {
        granted = true;
        return lock ? renewLocked(ctx, signal) : null;
      })
      .catch((error: unknown) => {
        if (granted || (error as Error | null)?.name !== 'SecurityError') throw error;
        return renewLocked(ctx, signal);
      });
    if (renewed) return renewed;
    const adopted = await locks.request(name, { mode: 'shared', ...(signal ? { signal } : {}) }, () =>
      storedFresh(ctx),
    );
    if (adopted) return adopted;
  }
}

/** The stored session if it is fresh (another tab renewed it), adopted here. */
async function storedFresh(ctx: ClientContext): Promise<Session | null> {
  const stored = await ctx.sessions.read();
  return stored && isFresh(stored, ctx.config.renewBefore) ? ctx.adopt(stored) : null;
}

async function renewLocked(ctx: ClientContext, signal?: AbortSignal): Promise<Session> {
  const current = await ctx.sessions.read();
  if (current && isFresh(current, ctx.config.renewBefore)) return ctx.adopt(current);
  if (current && (current.refreshToken || renewsAtBackend(ctx.config))) {
    return endOnRefusal(ctx, async () => {
      const next = await refreshSession(ctx, current, signal);
      await ctx.sessions.write(next);
      return next;
    });
  }
  if (current && ctx.renewsSilently) return endOnRefusal(ctx, () => renewSilently(ctx, current.user?.sub, signal));
  if (current && isFresh(current)) return current;
  await ctx.sessions.write(null);
  throw new OAuthError('login_required', 'the session has expired; sign in again');
}

/**
 * A provider's refusal ends the session (`login_required`), and so does a renewal for another user
 * (`user_mismatch`, kept as it is); a network fault or a 5xx leaves it for a later try.
 */
async function endOnRefusal(ctx: ClientContext, renewal: () => Promise<Session>): Promise<Session> {
  try {
    return await renewal();
  } catch (error) {
    const transient =
      !(error instanceof OAuthError) ||
      ['network_error', 'aborted', 'storage_unavailable'].includes(error.code) ||
      (error.status ?? 0) >= 500;
    if (transient) throw error;
    await ctx.sessions.write(null);
    if (error.code === 'user_mismatch') throw error;
    throw new OAuthError('login_required', 'the session could not be renewed; sign in again', {
      error: error.error,
      errorDescription: error.errorDescription,
      status: error.status,
      cause: error,
    });
  }
}

// OpenID Connect Core §12.2 asks a refreshed id_token for the same sub; a prompt=none renewal is held to it too.
async function renewSilently(ctx: ClientContext, sub: string | undefined, signal?: AbortSignal): Promise<Session> {
  const { url, transaction } = await startSignIn(ctx, 'silent', '/', { prompt: 'none' }, signal);
  const params = await silentCallback(url, transaction, ctx.config.requestTimeout, signal);
  return (await completeSignIn(ctx, params, transaction.state, signal, sub)).session;
}
