import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { expect } from 'chai';
import '../../src/elements/login-button/define.js';
import type { OAuthLoginButton } from '../../src/elements/login-button/login-button.js';
import type { OAuthErrorEvent } from '../../src/elements/events.js';
import { returnToPage } from '../_focus.js';
import { OAuthClient } from '../../src/core/client.js';
import { memoryStore } from '../../src/core/storage/store.js';
import { control, issuer, registerClient, waitFor } from '../_mock.js';
import { popupClient, realClick, recordPopups, signedInClient, textOf } from './_sign-in.js';

function addButton(
  attributes: Record<string, string> = {},
  parent: ParentNode = document.body,
  content = '',
): OAuthLoginButton {
  const button = document.createElement('oauth-login-button');
  for (const [name, value] of Object.entries(attributes)) button.setAttribute(name, value);
  button.innerHTML = content;
  parent.append(button);
  return button;
}

const inner = (button: OAuthLoginButton): HTMLButtonElement => button.shadowRoot!.querySelector('button')!;
const until = (button: OAuthLoginButton, state: string): Promise<unknown> =>
  waitFor(() => !button.isUpdatePending && button.state === state, `the button to be ${state}`);

/** Emulates a media feature where the browser lets us (Chromium's CDP); `false` where it does not (Firefox over BiDi). */
async function emulated(media: Parameters<typeof emulateMedia>[0]): Promise<boolean> {
  try {
    await emulateMedia(media);
    return true;
  } catch {
    return false;
  }
}

/** The shadow root's rules inside `@media <condition>`. */
function rulesUnder(root: ShadowRoot, condition: string): string {
  return root.adoptedStyleSheets
    .flatMap((sheet) => [...sheet.cssRules])
    .filter((rule): rule is CSSMediaRule => rule instanceof CSSMediaRule && rule.conditionText.includes(condition))
    .map((rule) => rule.cssText)
    .join('\n');
}

/** A button driving a fresh real client, ready to sign in. */
async function readyButton(attributes: Record<string, string> = {}) {
  const made = await popupClient();
  const button = addButton(attributes);
  button.client = made.client;
  await until(button, 'signed-out');
  return { ...made, button };
}

describe('<oauth-login-button>', () => {
  afterEach(() => document.querySelectorAll('oauth-login-button, .fixture').forEach((node) => node.remove()));

  it('makes its client from attributes and offers sign-in while signed out', async () => {
    const clientId = await registerClient([location.pathname]);
    const button = addButton({ issuer, 'client-id': clientId, client: 'login-button-test' });
    await until(button, 'signed-out');
    expect(button.client?.config.clientId).to.equal(clientId);
    expect(inner(button).disabled).to.equal(false);
    expect(textOf(inner(button))).to.equal('Sign in');
    expect(button.getAttribute('state')).to.equal('signed-out');
  });

  it('sends oauth-error invalid_config and shows it when its issuer is refused', async () => {
    const errors: string[] = [];
    const onError = (event: OAuthErrorEvent) => errors.push(event.error.code);
    document.addEventListener('oauth-error', onError);
    const button = addButton({ issuer: 'http://id.example.com', 'client-id': 'spa', client: 'bad-issuer-test' });
    await button.updateComplete;
    document.removeEventListener('oauth-error', onError);
    expect(errors).to.deep.equal(['invalid_config']);
    expect(button.client).to.equal(undefined);
    expect(button.state).to.equal('error');
    expect(button.shadowRoot!.querySelector('[part="error"]')!.getAttribute('role')).to.equal('alert');
    expect(button.shadowRoot!.querySelector('[part="error"]')!.textContent).to.include('must use https');
  });

  it('is disabled until a client is provided under its name', async () => {
    const button = addButton({ client: 'nobody-provides-this' });
    await button.updateComplete;
    expect(inner(button).disabled).to.equal(true);
  });

  it('with popup-fallback="none", a blocked popup says so clearly and fires oauth-error popup_blocked', async () => {
    const { button } = await readyButton({ mode: 'popup', 'popup-fallback': 'none' });
    const errors: string[] = [];
    button.addEventListener('oauth-error', (event) => errors.push(event.error.code));
    inner(button).click(); // a click from script carries no user activation: the browser blocks the popup
    await until(button, 'error');
    expect(errors).to.deep.equal(['popup_blocked']);
    expect(textOf(button.shadowRoot!.querySelector('[part="error"][role="alert"]'))).to.include(
      'blocked the sign-in window',
    );
  });

  it('tries a popup in the same press when its redirect is refused for storage, and only once: a blocked popup says so, never back to redirect', async () => {
    // A client over memoryStore() keeps nothing past the page, as where the browser denies the site all storage.
    const clientId = await registerClient([location.pathname]);
    const button = addButton();
    button.client = new OAuthClient({ issuer, clientId }, memoryStore());
    await until(button, 'signed-out');
    const errors: string[] = [];
    button.addEventListener('oauth-error', (event) => errors.push(event.error.code));
    const tried: unknown[] = [];
    const open = window.open;
    window.open = (...args: Parameters<typeof window.open>) => (tried.push(args), open.apply(window, args));
    try {
      inner(button).click(); // from script, no user activation: the popup it falls back to is blocked
      await until(button, 'error');
    } finally {
      window.open = open;
    }
    expect(tried, 'one popup tried').to.have.length(1);
    expect(errors).to.deep.equal(['popup_blocked']);
    expect(textOf(button.shadowRoot!.querySelector('[part="error"]'))).to.include('blocked the sign-in window');
  });

  it('with popup-fallback="redirect" (the default), a blocked popup signs in by redirect instead', async () => {
    const clientId = await registerClient(['/test/_callback.html']);
    const frame = document.createElement('iframe');
    frame.className = 'fixture';
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    frame.src = '/test/elements/_callback.html';
    document.body.append(frame);
    await loaded;
    const doc = frame.contentDocument!;
    doc.body.innerHTML = `<oauth-login-button mode="popup" par issuer="${issuer}" client-id="${clientId}" redirect-uri="${location.origin}/test/_callback.html"></oauth-login-button>`;
    doc.head.append(
      Object.assign(doc.createElement('script'), { type: 'module', src: '/src/elements/login-button/define.ts' }),
    );
    const framed = await waitFor(() => {
      const button = frame.contentDocument?.querySelector('oauth-login-button') as OAuthLoginButton | null;
      return button?.state === 'signed-out' && button;
    }, 'the framed button');
    inner(framed).click();
    const at = await waitFor(
      () =>
        frame.contentWindow?.location.pathname === '/mock/oidc/authorize' && new URL(frame.contentWindow.location.href),
      'the redirect',
    );
    expect(at.searchParams.get('client_id')).to.equal(clientId);
    expect(at.searchParams.get('request_uri'), 'the request was pushed first (RFC 9126)').to.match(
      /^urn:ietf:params:oauth:request_uri:/,
    );
  });

  it('signs in by popup on a real click, then shows the name and picture from the id_token, announced, and fires oauth-login', async () => {
    const { client, clientId } = await popupClient();
    await control({ command: 'sign_in_as', sub: 'carol', clientId });
    const button = addButton({ mode: 'popup' });
    button.client = client;
    await until(button, 'signed-out');
    const seen: string[] = [];
    button.addEventListener('oauth-login', () => seen.push('oauth-login'), { once: true });
    button.addEventListener('oauth-error', (event) => seen.push(`oauth-error:${event.error.code}`));
    await realClick(inner(button));
    await waitFor(() => seen.length > 0, 'an oauth-login or oauth-error event', 15_000);
    expect(seen).to.deep.equal(['oauth-login']);
    await until(button, 'signed-in');
    const root = button.shadowRoot!;
    expect(root.querySelector('[part="avatar"]')!.getAttribute('src')).to.match(/^data:image\/svg/);
    expect(textOf(root.querySelector('[part="name"]'))).to.equal('Carol Danvers');
    expect(textOf(inner(button))).to.include('Sign out');
    expect(textOf(root.querySelector('[role="status"]'))).to.equal('Signed in as Carol Danvers');
  });

  it('shows initials when the user has no picture, and signs out on a click with oauth-logout', async () => {
    const { client } = await signedInClient();
    const button = addButton();
    button.client = client;
    await until(button, 'signed-in');
    expect(textOf(button.shadowRoot!.querySelector('[part="avatar"]'))).to.equal('AL');
    const logouts = new Promise((resolve) => button.addEventListener('oauth-logout', resolve, { once: true }));
    inner(button).click();
    await logouts;
    await until(button, 'signed-out');
    expect(client.session).to.equal(null);
    expect(textOf(inner(button))).to.equal('Sign in');
  });

  it('is busy while the popup is open, and a popup closed by the user returns it to ready with oauth-login-cancel and no error shown', async () => {
    const { button } = await readyButton({ mode: 'popup' });
    const recorder = recordPopups();
    const cancelled = new Promise((resolve) => button.addEventListener('oauth-login-cancel', resolve, { once: true }));
    const errors: string[] = [];
    button.addEventListener('oauth-error', (event) => errors.push(event.error.code));
    try {
      await realClick(inner(button));
      await until(button, 'busy');
      expect(inner(button).getAttribute('aria-busy')).to.equal('true');
      expect(textOf(inner(button))).to.equal('Signing in…');
      const popup = await waitFor(() => recorder.popups[0], 'the popup');
      popup.close();
      await returnToPage();
      await cancelled;
    } finally {
      recorder.stop();
    }
    await until(button, 'signed-out');
    expect(errors, 'a failure as the kit counts them').to.deep.equal(['popup_closed']);
    expect(button.shadowRoot!.querySelector('[part="error"]'), 'but nothing shown').to.equal(null);
  });

  it('works from the keyboard: Tab reaches it, Enter opens the popup, focus stays on it', async () => {
    const { client } = await popupClient();
    const before = Object.assign(document.createElement('input'), { className: 'fixture', ariaLabel: 'before' });
    document.body.prepend(before);
    const button = addButton({ mode: 'popup' });
    button.client = client;
    await until(button, 'signed-out');
    await returnToPage();
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(button.shadowRoot!.activeElement).to.equal(inner(button));
    const recorder = recordPopups();
    try {
      // Firefox sends keys to the focused window, which another test's window may have taken since the Tab.
      await returnToPage();
      await sendKeys({ press: 'Enter' });
      const popup = await waitFor(() => recorder.popups[0], 'the popup');
      await until(button, 'busy');
      expect(button.shadowRoot!.activeElement).to.equal(inner(button));
      popup.close();
      await returnToPage();
      await until(button, 'signed-out');
    } finally {
      recorder.stop();
    }
  });

  it('takes its labels from slots', async () => {
    const button = addButton(
      { client: 'slot-test' },
      document.body,
      'Continue with Example<span slot="signed-in">Leave</span>',
    );
    await button.updateComplete;
    const slot = inner(button).querySelector('slot')!;
    expect(
      slot
        .assignedNodes()
        .map((node) => node.textContent)
        .join(''),
    ).to.equal('Continue with Example');
  });

  it('speaks the nearest lang: an ancestor’s, one across a shadow root, the document’s, and lazily loaded', async () => {
    const wrapper = Object.assign(document.createElement('div'), { className: 'fixture', lang: 'ru' });
    document.body.append(wrapper);
    const russian = addButton({ client: 'lang-test' }, wrapper);
    await waitFor(() => textOf(inner(russian)) === 'Войти', 'Russian');
    const host = Object.assign(document.createElement('div'), { className: 'fixture', lang: 'pl' });
    document.body.append(host);
    const polish = addButton({ client: 'lang-test' }, host.attachShadow({ mode: 'open' }));
    await waitFor(() => textOf(inner(polish)) === 'Zaloguj się', 'Polish across a shadow root');
    const plain = addButton({ client: 'lang-test' });
    await plain.updateComplete;
    expect(textOf(inner(plain))).to.equal('Sign in');
    document.documentElement.lang = 'zh-Hans';
    try {
      await waitFor(() => textOf(inner(plain)) === '登录', 'Chinese from the document');
    } finally {
      document.documentElement.lang = 'en';
    }
    await waitFor(() => textOf(inner(plain)) === 'Sign in', 'English again');
  });

  it('lets every string be overridden through the strings property', async () => {
    const button = addButton({ lang: 'pl', client: 'strings-test' });
    button.strings = { signIn: 'Wejdź' };
    await button.updateComplete;
    expect(textOf(inner(button))).to.equal('Wejdź');
  });

  it('follows prefers-color-scheme, and theme="light|dark" overrides it', async () => {
    const light = addButton({ client: 'theme-test' });
    const dark = addButton({ client: 'theme-test', theme: 'dark' });
    await Promise.all([light.updateComplete, dark.updateComplete]);
    const background = (button: OAuthLoginButton): string => getComputedStyle(inner(button)).backgroundColor;
    expect(background(light)).to.equal('rgb(9, 105, 218)');
    expect(background(dark)).to.equal('rgb(88, 166, 255)');
    expect(getComputedStyle(light).colorScheme).to.equal('light dark');
    if (!(await emulated({ colorScheme: 'dark' }))) return; // Firefox: 'light dark' above is the proof it follows the preference
    try {
      expect(background(light)).to.equal('rgb(88, 166, 255)');
      light.theme = 'light';
      await light.updateComplete;
      expect(background(light)).to.equal('rgb(9, 105, 218)');
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
  });

  it('stops its spinner under prefers-reduced-motion', async () => {
    const { button } = await readyButton({ mode: 'popup' });
    const recorder = recordPopups();
    try {
      await realClick(inner(button));
      await until(button, 'busy');
      const spinner = button.shadowRoot!.querySelector('[part="spinner"]')!;
      expect(getComputedStyle(spinner).animationName).to.equal('spin');
      expect(rulesUnder(button.shadowRoot!, 'prefers-reduced-motion: reduce')).to.match(/animation[^;]*none/);
      if (await emulated({ reducedMotion: 'reduce' })) {
        try {
          expect(getComputedStyle(spinner).animationName).to.equal('none');
        } finally {
          await emulateMedia({ reducedMotion: 'no-preference' });
        }
      }
      (await waitFor(() => recorder.popups[0], 'the popup')).close();
      await returnToPage();
      await until(button, 'signed-out');
    } finally {
      recorder.stop();
    }
  });

  it('is laid out with logical properties: in dir="rtl" the avatar sits right of the name', async () => {
    const { client } = await signedInClient();
    const wrapper = Object.assign(document.createElement('div'), { className: 'fixture', dir: 'rtl' });
    document.body.append(wrapper);
    const button = addButton({}, wrapper);
    button.client = client;
    await until(button, 'signed-in');
    const avatar = button.shadowRoot!.querySelector('[part="avatar"]')!.getBoundingClientRect();
    const name = button.shadowRoot!.querySelector('[part="name"]')!.getBoundingClientRect();
    expect(avatar.left).to.be.greaterThan(name.left);
  });
});
