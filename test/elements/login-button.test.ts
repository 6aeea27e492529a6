import { expect } from 'chai';
import '../../src/elements/login-button/define.js';
import type { OAuthLoginButton } from '../../src/elements/login-button/login-button.js';
import type { OAuthErrorEvent } from '../../src/elements/events.js';
import { issuer, registerClient } from '../_mock.js';

describe('<oauth-login-button>', () => {
  afterEach(() => document.querySelectorAll('oauth-login-button').forEach((node) => node.remove()));

  it('makes its client from attributes and offers sign-in while signed out', async () => {
    const clientId = await registerClient([location.pathname]);
    const button = document.createElement('oauth-login-button') as OAuthLoginButton;
    button.setAttribute('issuer', issuer);
    button.setAttribute('client-id', clientId);
    button.setAttribute('client', 'login-button-test');
    document.body.append(button);
    await button.updateComplete;
    expect(button.client?.config.clientId).to.equal(clientId);
    const inner = button.shadowRoot!.querySelector('button')!;
    expect(inner.disabled).to.equal(false);
    expect(inner.textContent!.trim()).to.equal('Sign in');
  });

  it('sends oauth-error invalid_config and shows it when its issuer is refused', async () => {
    const errors: string[] = [];
    const onError = (event: OAuthErrorEvent) => errors.push(event.error.code);
    document.addEventListener('oauth-error', onError);
    const button = document.createElement('oauth-login-button') as OAuthLoginButton;
    button.setAttribute('issuer', 'http://id.example.com');
    button.setAttribute('client-id', 'spa');
    button.setAttribute('client', 'bad-issuer-test');
    document.body.append(button);
    await button.updateComplete;
    document.removeEventListener('oauth-error', onError);
    expect(errors).to.deep.equal(['invalid_config']);
    expect(button.client).to.equal(undefined);
    expect(button.shadowRoot!.querySelector('[part="error"]')!.textContent).to.include('must use https');
  });

  it('is disabled until a client is provided under its name', async () => {
    const button = document.createElement('oauth-login-button') as OAuthLoginButton;
    button.setAttribute('client', 'nobody-provides-this');
    document.body.append(button);
    await button.updateComplete;
    expect(button.shadowRoot!.querySelector('button')!.disabled).to.equal(true);
  });
});
