import { expect } from 'chai';
import { createClient } from '../../src/core/client.js';
import { provideClient } from '../../src/elements/client-registry.js';
import '../../src/elements/login-button/define.js';
import '../../src/elements/token-status/define.js';
import { issuer } from '../_mock.js';

/** Whether the page has fetched the status's view module. */
const viewLoaded = (): boolean =>
  performance.getEntriesByType('resource').some((entry) => /\/token-status\/token-status-view\.[jt]s/.test(entry.name));

describe('<oauth-token-status> view', () => {
  it('loads only once a status connects: a page with a sign-in button alone does without it', async () => {
    const button = document.createElement('oauth-login-button');
    button.setAttribute('issuer', issuer);
    button.setAttribute('client-id', 'view-test');
    document.body.append(button);
    await button.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(customElements.get('oauth-token-status')).to.be.a('function');
    expect(viewLoaded()).to.equal(false);

    const status = document.createElement('oauth-token-status');
    status.client = button.client;
    document.body.append(status);
    await status.updateComplete;
    expect(viewLoaded()).to.equal(true);
    expect(status.state).to.equal('signed-out');
    const base = status.shadowRoot!.querySelector<HTMLElement>('[part="base"]')!;
    // The view's styles are adopted with it: the badge's pill shape comes from token-status.styles.ts.
    expect(getComputedStyle(base).borderTopLeftRadius).to.equal('999px');
    button.remove();
    status.remove();
  });

  it("renders inside another element's shadow root, where a lazily defined element would never be upgraded", async () => {
    provideClient(createClient({ issuer, clientId: 'view-test-shadow' }), 'view-shadow');
    const host = document.createElement('div');
    document.body.append(host);
    const status = document.createElement('oauth-token-status');
    status.setAttribute('client', 'view-shadow');
    host.attachShadow({ mode: 'open' }).append(status);
    await status.updateComplete;
    expect(status.shadowRoot!.querySelector('[part="label"]')?.textContent).to.equal('Signed out');
    expect(viewLoaded()).to.equal(true);
    host.remove();
  });
});
