import { expect } from 'chai';
import '../../src/elements/consent-popup/define.js';
import type { OAuthConsentPopup } from '../../src/elements/consent-popup/consent-popup.js';
import type { OAuthConsentEvent } from '../../src/elements/events.js';

async function mount(html: string): Promise<HTMLElement> {
  const host = document.createElement('div');
  host.innerHTML = html;
  document.body.append(host);
  await (host.querySelector('oauth-consent-popup') as OAuthConsentPopup).updateComplete;
  return host;
}

const scopes = JSON.stringify([
  { id: 'openid', name: 'Sign-in', description: 'Let {client_name} know that you are {user}', icon: 'person' },
  { id: 'email', name: 'Email', description: 'Read the email of {user}', icon: 'data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22/%3E' },
]);

describe('<oauth-consent-popup>', () => {
  afterEach(() => document.querySelectorAll('div').forEach((node) => node.remove()));

  it('shows the client, the scopes with {user} and {client_name} filled, in an open modal dialog', async () => {
    const host = await mount(`<oauth-consent-popup open client-name="Photo app" user="Alice" scopes='${scopes}'></oauth-consent-popup>`);
    const root = host.querySelector('oauth-consent-popup')!.shadowRoot!;
    const dialog = root.querySelector('dialog')!;
    expect(dialog.open).to.equal(true);
    expect(dialog.matches(':modal')).to.equal(true);
    expect(root.querySelector('h2')!.textContent).to.equal('Photo app');
    const text = root.querySelector('[part="scopes"]')!.textContent!.replace(/\s+/g, ' ');
    expect(text).to.include('Let Photo app know that you are Alice');
    expect(text).to.include('Read the email of Alice');
    expect(root.querySelector('[part="scope"] img')!.getAttribute('src')).to.match(/^data:image\/svg/);
  });

  it('fires oauth-consent and posts the decision as its form value', async () => {
    const host = await mount(`<form><oauth-consent-popup name="decision" open client-name="A"></oauth-consent-popup></form>`);
    const form = host.querySelector('form')!;
    const decisions: string[] = [];
    let posted: string | null = null;
    host.addEventListener('oauth-consent', (event: OAuthConsentEvent) => decisions.push(event.decision));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      posted = new FormData(form).get('decision') as string;
    });
    (host.querySelector('oauth-consent-popup')!.shadowRoot!.querySelector('[part="approve"]') as HTMLButtonElement).click();
    expect(decisions).to.deep.equal(['approve']);
    expect(posted).to.equal('approve');
  });

  it('denies on Escape and keeps the form from posting when the event is cancelled', async () => {
    const host = await mount(`<form><oauth-consent-popup name="decision" open client-name="A"></oauth-consent-popup></form>`);
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
    const dialog = host.querySelector('oauth-consent-popup')!.shadowRoot!.querySelector('dialog')!;
    dialog.dispatchEvent(new Event('cancel', { cancelable: true }));
    expect(decisions).to.deep.equal(['deny']);
    expect(submitted).to.equal(false);
  });
});
