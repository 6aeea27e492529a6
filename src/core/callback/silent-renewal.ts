import { OAuthError } from '../errors.js';
import { waitForCallback } from './popup.js';
import type { CallbackParams } from './callback-url.js';
import type { Transaction } from '../sign-in/transaction.js';

/**
 * Sends an authorization request with `prompt=none` through a hidden frame and resolves to the
 * callback URL it lands on at the transaction's redirect URI (or its page relays); the provider
 * answers without any page, `login_required` where it has no session. A provider that does not
 * answer in time ends as `login_required` too.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#AuthRequest
 */
export async function silentCallback(
  url: URL,
  transaction: Pick<Transaction, 'state' | 'redirectUri'>,
  timeout: number,
  signal?: AbortSignal,
): Promise<CallbackParams> {
  const frame = document.createElement('iframe');
  frame.hidden = true;
  frame.title = 'oauth-elements silent renewal';
  frame.setAttribute('aria-hidden', 'true');
  frame.src = url.href;
  document.body.append(frame);
  try {
    return await waitForCallback(
      frame.contentWindow as Window,
      transaction,
      timeout,
      signal,
      () => new OAuthError('login_required', 'the provider did not answer the silent renewal in time'),
    );
  } finally {
    frame.remove();
  }
}
