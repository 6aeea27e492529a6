// Element tests sign in for real: a real client, the mock provider the test runner serves, a real click.
import { sendMouse } from '@web/test-runner-commands';
import { createClient, type OAuthClient } from '../../src/core/client.js';
import { control, issuer, registerClient, waitFor } from '../_mock.js';

/** The popup callback page element tests register. */
export const popupCallback = `${location.origin}/test/elements/_callback.html`;

/** Options of {@link signedInClient}. */
export interface SignInOptions {
  /** Seconds the access token lives. */
  lifetime?: number;
  /** Issue a refresh token. */
  refresh?: boolean;
  /** The client's `renewBefore`, in seconds. */
  renewBefore?: number;
  /** Who signs in (no consent page). */
  sub?: string;
  /** Let the client renew a session without a refresh token in a hidden frame (on by default). */
  silentRenew?: boolean;
}

/** A freshly registered public client for {@link popupCallback}, and its id. */
export async function popupClient(options: SignInOptions = {}): Promise<{ client: OAuthClient; clientId: string }> {
  const clientId = await registerClient([popupCallback], {
    scope: 'openid profile email offline_access',
    grant_types: options.refresh ? ['authorization_code', 'refresh_token'] : ['authorization_code'],
    ...(options.lifetime ? { access_token_lifetime: options.lifetime } : {}),
  });
  const client = createClient({
    issuer,
    clientId,
    redirectUri: popupCallback,
    scope: options.refresh ? 'openid profile email offline_access' : 'openid profile email',
    renewBefore: options.renewBefore ?? 60,
    silentRenew: options.silentRenew ?? true,
  });
  return { client, clientId };
}

/** Presses `element` with a real mouse click, so the browser lets it open a popup. */
export async function realClick(element: Element): Promise<void> {
  const box = element.getBoundingClientRect();
  await sendMouse({
    type: 'click',
    position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)],
  });
}

/** Signs a new client in through a popup, as `sub` without a consent page. */
export async function signedInClient(options: SignInOptions = {}): Promise<{ client: OAuthClient; clientId: string }> {
  const made = await popupClient(options);
  await control({ command: 'sign_in_as', sub: options.sub ?? 'alice', clientId: made.clientId });
  await made.client.ready();
  const trigger = document.createElement('button');
  trigger.textContent = 'test sign-in';
  let login: Promise<unknown> | undefined;
  trigger.onclick = () => (login = made.client.login({ mode: 'popup' }));
  document.body.prepend(trigger);
  try {
    await realClick(trigger);
    // Signed in, so that what a test scripts next (a slow or failing token endpoint) meets its renewal, not this sign-in.
    await await waitFor(() => login, 'the click');
  } finally {
    trigger.remove();
  }
  return made;
}

/** Records the windows `window.open` opens until `stop()`. */
export function recordPopups(): { popups: (Window | null)[]; stop(): void } {
  const open = window.open;
  const popups: (Window | null)[] = [];
  window.open = (...args) => {
    const popup = open.apply(window, args);
    popups.push(popup);
    return popup;
  };
  return { popups, stop: () => (window.open = open) };
}

/** The text a shadow root shows, whitespace collapsed. */
export function textOf(element: Element | null | undefined): string {
  return element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}
