import { sendKeys } from '@web/test-runner-commands';
import { expect } from 'chai';
import { challengeOf, createVerifier } from '../../src/core/sign-in/pkce.js';
import '../../src/elements/consent-popup/define.js';
import type { OAuthConsentPopup } from '../../src/elements/consent-popup/consent-popup.js';
import type { OAuthConsentEvent } from '../../src/elements/events.js';
import { callback, exchange, issuer, register, waitFor } from '../_mock.js';

async function mount(html: string): Promise<HTMLElement> {
  const host = document.createElement('div');
  host.className = 'fixture';
  host.innerHTML = html;
  document.body.append(host);
  await (host.querySelector('oauth-consent-popup') as OAuthConsentPopup).updateComplete;
  return host;
}

const popupIn = (host: HTMLElement): OAuthConsentPopup => host.querySelector('oauth-consent-popup')!;
const part = <T extends Element = HTMLElement>(host: HTMLElement, name: string): T =>
  popupIn(host).shadowRoot!.querySelector(`[part~="${name}"]`) as T;

const scopes = JSON.stringify([
  { id: 'openid', name: 'Sign-in', description: 'Let {client_name} know that you are {user}', icon: 'person' },
  {
    id: 'email',
    name: 'Email',
    description: 'Read the email of {user}',
    icon: 'data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22/%3E',
  },
  { id: 'photos', name: 'Photos', description: 'See your photos', icon: 'no-such-icon' },
]);

describe('<oauth-consent-popup>', () => {
  afterEach(() => document.querySelectorAll('.fixture').forEach((node) => node.remove()));

  it('shows the client, the scopes with {user} and {client_name} filled, in an open modal dialog', async () => {
    const host = await mount(
      `<oauth-consent-popup open client-name="Photo app" user="Alice" scopes='${scopes}'></oauth-consent-popup>`,
    );
    const root = popupIn(host).shadowRoot!;
    const dialog = root.querySelector('dialog')!;
    expect(dialog.open).to.equal(true);
    expect(dialog.matches(':modal')).to.equal(true);
    expect(root.querySelector('h2')!.textContent).to.equal('Photo app');
    const text = part(host, 'scopes').textContent!.replace(/\s+/g, ' ');
    expect(text).to.include('Let Photo app know that you are Alice');
    expect(text).to.include('Read the email of Alice');
    expect(root.querySelector('[part="scope"] img')!.getAttribute('src')).to.match(/^data:image\/svg/);
  });

  it('shows the client identity: name, icon and homepage link, and icons by name, URL or a fallback', async () => {
    const host = await mount(
      `<oauth-consent-popup open client-name="Photo app" client-uri="https://photos.example/about" logo-uri="https://photos.example/logo.png" scopes='${scopes}'></oauth-consent-popup>`,
    );
    expect(part<HTMLImageElement>(host, 'logo').src).to.equal('https://photos.example/logo.png');
    const homepage = part<HTMLAnchorElement>(host, 'homepage');
    expect(homepage.href).to.equal('https://photos.example/about');
    expect(homepage.textContent).to.equal('photos.example');
    expect(homepage.rel).to.equal('noopener noreferrer');
    const icons = [...popupIn(host).shadowRoot!.querySelectorAll('[part="scope-icon"]')];
    expect(icons[0]!.querySelector('svg path')!.getAttribute('d')).to.match(/^M12 12a4/);
    expect(icons[1]!.querySelector('img')).to.not.equal(null);
    expect(icons[2]!.querySelector('svg')).to.not.equal(null);
    expect(icons.every((icon) => icon.getAttribute('aria-hidden') === 'true')).to.equal(true);
  });

  it('drops a homepage link that is not https (or http on loopback): javascript:, data:, plain http elsewhere', async () => {
    for (const uri of [
      'javascript:alert(1)',
      ' javascript:alert(1)',
      'data:text/html,x',
      'http://photos.example/',
      'vbscript:x',
    ]) {
      const host = await mount(`<oauth-consent-popup open client-name="A" scopes='${scopes}'></oauth-consent-popup>`);
      popupIn(host).clientUri = uri;
      await popupIn(host).updateComplete;
      expect(part(host, 'homepage'), uri).to.equal(null);
      expect(popupIn(host).shadowRoot!.querySelector('a'), uri).to.equal(null);
      host.remove();
    }
    const loopback = await mount(
      `<oauth-consent-popup open client-name="A" client-uri="http://localhost:8080/" scopes='${scopes}'></oauth-consent-popup>`,
    );
    expect(part<HTMLAnchorElement>(loopback, 'homepage').href).to.equal('http://localhost:8080/');
  });

  it('fills {user} with “you” when no user is given', async () => {
    const host = await mount(`<oauth-consent-popup open client-name="A" scopes='${scopes}'></oauth-consent-popup>`);
    expect(part(host, 'scopes').textContent).to.include('Read the email of you');
  });

  it('fires oauth-consent and posts the decision as its form value', async () => {
    const host = await mount(
      `<form><oauth-consent-popup name="decision" open client-name="A"></oauth-consent-popup></form>`,
    );
    const form = host.querySelector('form')!;
    const decisions: string[] = [];
    let posted: string | null = null;
    host.addEventListener('oauth-consent', (event: OAuthConsentEvent) => decisions.push(event.decision));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      posted = new FormData(form).get('decision') as string;
    });
    part(host, 'approve').click();
    expect(decisions).to.deep.equal(['approve']);
    expect(posted).to.equal('approve');
    expect(popupIn(host).open).to.equal(false);
  });

  it('fires deny from the deny button, and works on its own without a form', async () => {
    const host = await mount(`<oauth-consent-popup open client-name="A" scopes='${scopes}'></oauth-consent-popup>`);
    const events: OAuthConsentEvent[] = [];
    host.addEventListener('oauth-consent', (event) => events.push(event));
    part(host, 'deny').click();
    expect(events.map((event) => [event.decision, event.scopes])).to.deep.equal([['deny', []]]);
    await popupIn(host).updateComplete;
    expect(popupIn(host).shadowRoot!.querySelector('dialog')!.open).to.equal(false);
  });

  it('with partial, gives each optional scope a checkbox (openid and required ones none) and grants only the checked', async () => {
    const required = JSON.stringify([...JSON.parse(scopes), { id: 'billing', name: 'Billing', required: true }]);
    const host = await mount(
      `<form><oauth-consent-popup name="decision" partial open client-name="A" scopes='${required}'></oauth-consent-popup></form>`,
    );
    const boxes = [...popupIn(host).shadowRoot!.querySelectorAll<HTMLInputElement>('[part="checkbox"]')];
    expect(boxes.map((box) => box.value)).to.deep.equal(['email', 'photos']);
    expect(boxes.every((box) => box.checked)).to.equal(true);
    expect(boxes[0]!.getAttribute('aria-describedby')).to.equal('d1');
    boxes[1]!.click();
    await popupIn(host).updateComplete;
    let granted: string[] = [];
    let posted: FormData | undefined;
    host.addEventListener('oauth-consent', (event: OAuthConsentEvent) => (granted = event.scopes));
    host.querySelector('form')!.addEventListener('submit', (event) => {
      event.preventDefault();
      posted = new FormData(event.target as HTMLFormElement);
    });
    part(host, 'approve').click();
    expect(granted).to.deep.equal(['openid', 'email', 'billing']);
    expect(posted?.get('decision')).to.equal('approve');
    expect(posted?.get('scope')).to.equal('openid email billing');
  });

  it('holds focus inside: it opens on Allow, and Tab cycles within the dialog', async () => {
    const host = await mount(
      `<button class="fixture">outside</button><oauth-consent-popup open client-name="A" client-uri="https://a.example" scopes='${scopes}'></oauth-consent-popup>`,
    );
    const popup = popupIn(host);
    expect(popup.shadowRoot!.activeElement).to.equal(part(host, 'approve'));
    const seen = new Set<Element | null>();
    for (let step = 0; step < 6; step += 1) {
      const back = step >= 4; // four times forward past the end, then twice back past the start
      if (back) await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      if (back) await sendKeys({ up: 'Shift' });
      seen.add(popup.shadowRoot!.activeElement);
      const active = document.activeElement;
      expect(
        active === popup || popup.contains(active),
        `Tab ${step + 1} stays in the dialog, not on ${active?.nodeName}`,
      ).to.equal(true);
    }
    expect(seen).to.include(part(host, 'homepage'));
    expect(seen).to.include(part(host, 'deny'));
  });

  it('denies on a real Escape, and keeps the form from posting when the event is cancelled', async () => {
    const host = await mount(
      `<form><oauth-consent-popup name="decision" open client-name="A"></oauth-consent-popup></form>`,
    );
    let submitted = false;
    host.querySelector('form')!.addEventListener('submit', (event) => {
      event.preventDefault();
      submitted = true;
    });
    const decisions: string[] = [];
    host.addEventListener('oauth-consent', (event: OAuthConsentEvent) => {
      decisions.push(event.decision);
      event.preventDefault();
    });
    await sendKeys({ press: 'Escape' });
    await waitFor(() => decisions.length > 0, 'the decision');
    expect(decisions).to.deep.equal(['deny']);
    expect(submitted).to.equal(false);
  });

  it('speaks the nearest lang and takes overrides', async () => {
    const host = await mount(
      `<div lang="zh"><oauth-consent-popup open client-name="相册"></oauth-consent-popup></div>`,
    );
    await waitFor(() => part(host, 'approve').textContent === '允许', 'Chinese');
    expect(part(host, 'deny').textContent).to.equal('拒绝');
    expect(popupIn(host).shadowRoot!.querySelector('#asks')!.textContent).to.equal('相册 请求：');
    popupIn(host).strings = { allow: '好' };
    await popupIn(host).updateComplete;
    expect(part(host, 'approve').textContent).to.equal('好');
  });

  it('on the mock provider’s consent page, a partial grant narrows the scope the tokens carry', async () => {
    const registered = await register(['/test/_callback.html'], { scope: 'openid profile email' });
    const verifier = createVerifier();
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: registered.client_id,
      redirect_uri: callback,
      scope: 'openid profile email',
      state: 'partial',
      code_challenge: await challengeOf(verifier),
      code_challenge_method: 'S256',
    });
    const frame = Object.assign(document.createElement('iframe'), {
      className: 'fixture',
      src: `${issuer}/authorize?${query}`,
    });
    document.body.append(frame);
    const popup = await waitFor(
      () =>
        frame.contentDocument?.querySelector('oauth-consent-popup')?.shadowRoot?.querySelector('[part="checkbox"]') &&
        frame.contentDocument.querySelector('oauth-consent-popup'),
      'the consent page',
    );
    const email = [...popup.shadowRoot!.querySelectorAll<HTMLInputElement>('[part="checkbox"]')].find(
      (box) => box.value === 'email',
    )!;
    email.click();
    await popup.updateComplete;
    (popup.shadowRoot!.querySelector('[part="approve"]') as HTMLButtonElement).click();
    const back = await waitFor(
      () =>
        frame.contentWindow?.location.pathname === '/test/_callback.html' && new URL(frame.contentWindow.location.href),
      'the callback',
    );
    const tokens = await (await exchange(registered.client_id, back.searchParams.get('code') ?? '', verifier)).json();
    expect(tokens.scope.split(' ').sort()).to.deep.equal(['openid', 'profile']);
  });

  it('leaves the mock provider’s consent page a plain form that works without script', async () => {
    const registered = await register(['/test/_callback.html']);
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: registered.client_id,
      redirect_uri: callback,
      scope: 'openid email',
      state: 's',
      code_challenge: await challengeOf(createVerifier()),
      code_challenge_method: 'S256',
    });
    const page = new DOMParser().parseFromString(
      await (await fetch(`${issuer}/authorize?${query}`)).text(),
      'text/html',
    );
    const form = page.querySelector('form')!;
    expect(form.method).to.equal('post');
    expect(
      [...form.querySelectorAll<HTMLButtonElement>('.no-script button[name="decision"]')].map((button) => button.value),
    ).to.deep.equal(['approve', 'deny']);
    expect(form.querySelector('oauth-consent-popup')!.hasAttribute('partial')).to.equal(true);
  });
});
