import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/consent-popup/define.js';
import type { ConsentScope } from '../src/elements/consent-popup/consent-popup.js';

interface Args {
  open: boolean;
  clientName: string;
  clientUri: string;
  user: string;
  scopes: ConsentScope[];
}

const meta: Meta<Args> = {
  title: 'Elements/Consent popup',
  component: 'oauth-consent-popup',
  args: {
    open: true,
    clientName: 'Photo Album',
    clientUri: 'https://example.com',
    user: 'Alice',
    scopes: [
      { id: 'openid', name: 'Sign-in', description: 'Let {client_name} know that you are {user}', icon: 'person' },
      { id: 'email', name: 'Email', description: 'Read the email address of {user}', icon: 'envelope' },
      { id: 'user.read', name: 'Profile', description: '{client_name} reads your profile', icon: 'id-card' },
    ],
  },
  render: (args) => html`<oauth-consent-popup
    ?open=${args.open}
    client-name=${args.clientName}
    client-uri=${args.clientUri}
    user=${args.user}
    .scopes=${args.scopes}
  ></oauth-consent-popup>`,
};
export default meta;

type Story = StoryObj<Args>;

/** The dialog as the mock provider's consent page shows it. */
export const Open: Story = {};

/** Closed: nothing is shown until `open` is set. */
export const Closed: Story = { args: { open: false } };
