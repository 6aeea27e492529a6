import { expect } from 'chai';
import { createClient } from '../../src/core/client.js';
import { provideClient } from '../../src/elements/client-registry.js';
import '../../src/elements/token-status/define.js';
import type { OAuthTokenStatus, TokenState } from '../../src/elements/token-status/token-status.js';
import { control, issuer, waitFor } from '../_mock.js';
import { signedInClient, textOf, type SignInOptions } from './_sign-in.js';

function addStatus(attributes: Record<string, string> = {}, parent: ParentNode = document.body): OAuthTokenStatus {
  const status = document.createElement('oauth-token-status');
  for (const [name, value] of Object.entries(attributes)) status.setAttribute(name, value);
  parent.append(status);
  return status;
}

/** A status following a freshly signed-in real client. */
async function statusOf(options: SignInOptions, attributes: Record<string, string> = {}) {
  const { client, clientId } = await signedInClient(options);
  const status = addStatus(attributes);
  status.client = client;
  return { status, client, clientId };
}

const label = (status: OAuthTokenStatus): string => textOf(status.shadowRoot!.querySelector('[part="label"]'));
const time = (status: OAuthTokenStatus): string => textOf(status.shadowRoot!.querySelector('[part="time"]'));
const until = (status: OAuthTokenStatus, state: TokenState, timeout?: number): Promise<unknown> =>
  waitFor(() => !status.isUpdatePending && status.state === state, `the status to be ${state}`, timeout);

describe('<oauth-token-status>', () => {
  afterEach(() => document.querySelectorAll('oauth-token-status, .fixture').forEach((node) => node.remove()));

  it('shows signed out, politely announced, while its client has no session', async () => {
    const status = addStatus({ client: 'status-test' });
    provideClient(createClient({ issuer, clientId: 'status-test-client' }), 'status-test');
    await new Promise((resolve) => setTimeout(resolve, 100));
    await status.updateComplete;
    expect(status.state).to.equal('signed-out');
    expect(status.getAttribute('state')).to.equal('signed-out');
    const live = status.shadowRoot!.querySelector('[part="label"]')!;
    expect(live.getAttribute('aria-live')).to.equal('polite');
    expect(live.getAttribute('role')).to.equal('status');
    expect(live.textContent).to.equal('Signed out');
  });

  it('shows valid: who is signed in and the time left, counting down outside the live region', async () => {
    const { status } = await statusOf({ lifetime: 3600 });
    await until(status, 'valid');
    expect(label(status)).to.equal('Signed in as Alice Liddell');
    const first = time(status);
    expect(first).to.match(/^59 min \d+ s left$/);
    await waitFor(() => time(status) !== first, 'the countdown to tick', 3000);
    expect(status.shadowRoot!.querySelector('[part="label"] [part="time"], [aria-live] [part="time"]')).to.equal(null);
    expect(status.shadowRoot!.querySelector('[part="scopes"]'), 'the badge lists no scopes').to.equal(null);
  });

  it('in the detailed variant lists the granted scopes', async () => {
    const { status } = await statusOf({ lifetime: 3600 }, { variant: 'detailed' });
    await until(status, 'valid');
    const scopes = [...status.shadowRoot!.querySelectorAll('[part="scope"]')].map((item) => item.textContent);
    expect(scopes).to.include.members(['openid', 'profile', 'email']);
    expect(status.getAttribute('variant')).to.equal('detailed');
  });

  it('shows expiring soon within warn-before seconds of expiry', async () => {
    const { status } = await statusOf({ lifetime: 30, silentRenew: false }, { 'warn-before': '60' });
    await until(status, 'expiring-soon');
    expect(label(status)).to.equal('Signed in as Alice Liddell, expires soon');
    expect(time(status)).to.match(/^\d+ s left$/);
  });

  it('shows expired once a token that cannot be renewed runs out', async () => {
    const { status } = await statusOf({ lifetime: 1, silentRenew: false });
    await until(status, 'expired', 5000);
    expect(label(status)).to.equal('Session expired');
    expect(time(status)).to.equal('');
  });

  it('shows refreshing while the real client renews the token at a slow token endpoint, then valid again', async () => {
    // Renewal comes when the token expires, 4 s after sign-in: time enough, on a loaded machine, to script its token request first.
    const { client, clientId } = await signedInClient({ lifetime: 4, refresh: true, renewBefore: 0 });
    await control({ command: 'scenario', scenario: { next: 'token', delay: 1500, clientId } });
    const status = addStatus();
    status.client = client;
    const first = client.session?.accessToken;
    await until(status, 'refreshing', 8000);
    expect(label(status)).to.equal('Renewing the session…');
    await waitFor(() => client.session?.accessToken !== first, 'the renewed token', 5000);
    await waitFor(
      () => !status.isUpdatePending && (status.state === 'valid' || status.state === 'expiring-soon'),
      'valid again',
    );
  });

  it('shows the error when renewing fails at the provider', async () => {
    const { client, clientId } = await signedInClient({ lifetime: 4, refresh: true, renewBefore: 0 });
    // Follow the client before its renewal fails, so that the element hears the failure.
    const status = addStatus();
    status.client = client;
    await control({ command: 'scenario', scenario: { next: 'token', fault: 'server_error', clientId } });
    await until(status, 'error', 8000);
    expect(label(status)).to.match(/^Session error: /);
  });

  it('follows the page’s client as it signs in, announcing the change', async () => {
    const status = addStatus({ client: 'status-follow-test' });
    await status.updateComplete;
    expect(status.state).to.equal('signed-out');
    const { client } = await signedInClient({ lifetime: 3600 });
    provideClient(client, 'status-follow-test');
    await until(status, 'valid');
    expect(status.shadowRoot!.querySelector('[aria-live="polite"]')!.textContent).to.equal(
      'Signed in as Alice Liddell',
    );
  });

  it('speaks the nearest lang, with times in that language, and takes overrides', async () => {
    const { client } = await signedInClient({ lifetime: 3600 });
    const wrapper = Object.assign(document.createElement('div'), { className: 'fixture', lang: 'ru' });
    document.body.append(wrapper);
    const russian = addStatus({}, wrapper);
    russian.client = client;
    await waitFor(() => label(russian) === 'Вы вошли как Alice Liddell', 'Russian');
    expect(time(russian)).to.match(/^осталось 59 мин/);
    const chinese = addStatus({ lang: 'zh' });
    chinese.client = client;
    await waitFor(() => label(chinese) === '已登录：Alice Liddell', 'Chinese');
    const custom = addStatus({ lang: 'pl' });
    custom.strings = { signedInAs: 'Witaj, {user}' };
    custom.client = client;
    await waitFor(() => /^pozostało 59 min/.test(time(custom)), 'Polish, loaded on first use');
    expect(label(custom), 'the override, over Polish').to.equal('Witaj, Alice Liddell');
    // The status's own English words load with its view; an override still goes over them.
    const english = addStatus({ client: 'status-english-test' });
    english.strings = { signedOut: 'Nobody here' };
    await waitFor(() => label(english) === 'Nobody here', 'an override of the view’s own words, in English');
  });
});
