import { sendMouse } from '@web/test-runner-commands';
import { issuer, registerClient, waitFor } from '../_mock.js';

export const appPath = '/test/e2e/_app.html';

interface AppWindow extends Window {
  appEvents: { type: string; code?: string }[];
  appSessions: ('signed-in' | 'signed-out')[];
  appClient: import('../../src/core/client.js').OAuthClient;
}

/** The app page in a same-origin frame the test owns, signed in through the real mock provider. */
export interface App {
  frame: HTMLIFrameElement;
  clientId: string;
  readonly window: AppWindow;
  readonly document: Document;
  button(): HTMLElement & { shadowRoot: ShadowRoot };
  statusText(): string;
  events(): string[];
}

/** What the app page is told: a client configuration, and how to make its client. */
export interface AppOptions {
  mode?: 'redirect' | 'popup';
  /** The module to load the kit from: the sources, or the drop-in bundle. */
  bundle?: string;
  /** Make the client with createClient from these options (else from the button's attributes). */
  fromScript?: boolean;
  issuer?: string;
  clientId?: string;
  /** The app page to load, {@link appPath} unless given. */
  page?: string;
  [option: string]: unknown;
}

/** Loads the app page in a new frame, with a freshly registered mock client unless one is given. */
export async function openApp(options: AppOptions = {}): Promise<App> {
  const clientId = options.clientId ?? (await registerClient([appPath]));
  sessionStorage.setItem('oauth-test-app', JSON.stringify({ issuer, ...options, clientId }));
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 600px; height: 400px; border: 0';
  frame.src = options.page ?? appPath;
  document.body.append(frame);
  const app: App = {
    frame,
    clientId,
    get window() {
      return frame.contentWindow as AppWindow;
    },
    get document() {
      return frame.contentDocument as Document;
    },
    button: () => app.document.querySelector('oauth-login-button') as HTMLElement & { shadowRoot: ShadowRoot },
    statusText: () =>
      app.document.querySelector('oauth-token-status')?.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
    events: () =>
      (app.window.appEvents ?? []).map((event) => (event.code ? `${event.type}:${event.code}` : event.type)),
  };
  await waitFor(
    () => app.button()?.shadowRoot?.querySelector('button:not([disabled])'),
    'the app to render its button',
  );
  // A token status draws once its view (a chunk of its own) has loaded, just after the button.
  const status = (): Element | null => app.document.querySelector('oauth-token-status');
  await waitFor(
    () => !status() || status()?.shadowRoot?.querySelector('[part="base"]'),
    'the app to render its status',
  );
  return app;
}

/** What a sleeping laptop or a throttled tab does to a page: its timers never fire. */
export function stallTimers(frame: Window): void {
  const last = frame.setTimeout(() => undefined, 0);
  for (let id = 0; id <= last; id += 1) frame.clearTimeout(id);
}

/** Where the app's button is in the test page: the middle of it. */
function buttonCentre(app: App): [number, number] {
  const inner = app.button().shadowRoot.querySelector('button') as HTMLButtonElement;
  const frameBox = app.frame.getBoundingClientRect();
  const box = inner.getBoundingClientRect();
  return [Math.round(frameBox.left + box.left + box.width / 2), Math.round(frameBox.top + box.top + box.height / 2)];
}

/** Presses the app's button with a real mouse click, so the browser counts it as the user's. */
export async function clickButton(app: App): Promise<void> {
  await sendMouse({ type: 'click', position: buttonCentre(app) });
}

/** Moves the real mouse pointer onto the app's button, without pressing it. */
export async function pointAtButton(app: App): Promise<void> {
  await sendMouse({ type: 'move', position: buttonCentre(app) });
}

/** Approves (or denies) on the mock provider's consent page shown in `target`. */
export async function decideConsent(
  target: () => Window | null,
  decision: 'approve' | 'deny' = 'approve',
): Promise<void> {
  const dialog = await waitFor(() => {
    const doc = target()?.document;
    const element = doc?.location.pathname.endsWith('/authorize') ? doc.querySelector('oauth-consent-popup') : null;
    return element?.shadowRoot?.querySelector(`[part="${decision}"]`) as HTMLButtonElement | null;
  }, 'the consent page');
  dialog.click();
}

/** Records the popup windows the app opens, calling the real `window.open`. */
export function watchPopups(app: App): Window[] {
  const opened: Window[] = [];
  const original = app.window.open.bind(app.window);
  app.window.open = (...args: Parameters<Window['open']>) => {
    const popup = original(...args);
    if (popup) opened.push(popup);
    return popup;
  };
  return opened;
}

/** Presses the app's button with a real click and returns the sign-in window it opened. */
export async function pressForPopup(app: App): Promise<Window> {
  const popups = watchPopups(app);
  await clickButton(app);
  return waitFor(() => popups[0], 'the popup');
}

/** Starts a redirect sign-in in the app and returns the authorization request the provider received. */
export async function startSignIn(app: App): Promise<URL> {
  app.window.appClient.login({ mode: 'redirect' }).catch(() => undefined);
  return new URL(
    await waitFor(
      () => (app.document.location.pathname.endsWith('/authorize') ? app.document.location.href : null),
      'the authorization request',
    ),
  );
}

/** Loads `href` in the app's frame, as a provider's redirect would, and waits for the app to render. */
export async function deliver(app: App, href: string): Promise<void> {
  const loaded = new Promise((resolve) => app.frame.addEventListener('load', resolve, { once: true }));
  app.frame.src = href;
  await loaded;
  await waitFor(() => app.button()?.shadowRoot?.querySelector('button'), 'the app to render');
}
