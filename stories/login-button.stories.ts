import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/elements/login-button/define.js';

interface Args {
  issuer: string;
  clientId: string;
  scope: string;
  mode: 'redirect' | 'popup';
  label: string;
  background?: string;
}

const meta: Meta<Args> = {
  title: 'Elements/Login button',
  component: 'oauth-login-button',
  args: { issuer: '/mock/oidc', clientId: 'storybook', scope: 'openid profile email', mode: 'popup', label: 'Sign in' },
  argTypes: { mode: { control: 'inline-radio', options: ['redirect', 'popup'] }, background: { control: 'color' } },
  render: (args) => html`<oauth-login-button
    client="story-${args.mode}"
    issuer=${args.issuer}
    client-id=${args.clientId}
    scope=${args.scope}
    mode=${args.mode}
    style=${ifDefined(args.background ? `--oauth-button-background: ${args.background}` : undefined)}
    >${args.label}</oauth-login-button
  >`,
};
export default meta;

type Story = StoryObj<Args>;

/** Signed out, ready: pressing it opens the provider's consent page. */
export const SignedOut: Story = {};

/** Themed through `--oauth-button-background`. */
export const Themed: Story = { args: { background: '#7c3aed', label: 'Continue with Example ID' } };

/** Without a client the button is disabled. */
export const WithoutClient: Story = {
  render: () => html`<oauth-login-button client="nobody-provides-this">Sign in</oauth-login-button>`,
};

/** A refused configuration shows its error. */
export const ConfigurationError: Story = {
  args: { issuer: 'http://id.example.com', clientId: 'spa' },
};
