import { expect } from 'chai';
import { createClient } from '../../src/core/client.js';
import { provideClient } from '../../src/elements/client-registry.js';
import '../../src/elements/token-status/define.js';
import type { OAuthTokenStatus } from '../../src/elements/token-status/token-status.js';
import { issuer } from '../_mock.js';

describe('<oauth-token-status>', () => {
  afterEach(() => document.querySelectorAll('oauth-token-status').forEach((node) => node.remove()));

  it('shows signed out, politely announced, while its client has no session', async () => {
    const status = document.createElement('oauth-token-status') as OAuthTokenStatus;
    status.setAttribute('client', 'status-test');
    document.body.append(status);
    provideClient(createClient({ issuer, clientId: 'status-test-client' }), 'status-test');
    await new Promise((resolve) => setTimeout(resolve, 100));
    await status.updateComplete;
    expect(status.state).to.equal('signed-out');
    expect(status.getAttribute('state')).to.equal('signed-out');
    const label = status.shadowRoot!.querySelector('[part="label"]')!;
    expect(label.getAttribute('aria-live')).to.equal('polite');
    expect(label.textContent).to.equal('Signed out');
  });
});
