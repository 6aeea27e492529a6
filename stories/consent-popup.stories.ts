import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/elements/consent-popup/define.js';
import type { ConsentScope } from '../src/elements/consent-popup/consent-popup.js';

interface Args {
  open: boolean;
  partial: boolean;
  'client-name': string;
  'client-uri': string;
  'logo-uri'?: string;
  user: string;
  scopes: ConsentScope[];
  theme?: 'light' | 'dark';
}

type Story = StoryObj<Args>;

const logo = `data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40"><rect width="40" height="40" rx="8" fill="#0969da"/><circle cx="20" cy="17" r="7" fill="#fff"/><rect x="9" y="27" width="22" height="5" rx="2" fill="#fff"/></svg>')}`;

const meta: Meta<Args> = {
  title: 'Elements/Consent popup',
  tags: ['autodocs'],
  component: 'oauth-consent-popup',
  args: {
    open: true,
    partial: false,
    'client-name': 'Photo Album',
    'client-uri': 'https://photos.example.com',
    user: 'Alice',
    scopes: [
      { id: 'openid', name: 'Sign-in', description: 'Let {client_name} know that you are {user}', icon: 'person' },
      { id: 'email', name: 'Email', description: 'Read the email address of {user}', icon: 'envelope' },
      { id: 'photos.read', name: 'Photos', description: '{client_name} sees your photos', icon: logo },
      { id: 'offline_access', name: 'Stay signed in', description: 'Keep access while you are away', icon: 'clock' },
    ],
  },
  argTypes: { theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] } },
  render: (args) => html`<oauth-consent-popup
    ?open=${args.open}
    ?partial=${args.partial}
    client-name=${args['client-name']}
    client-uri=${args['client-uri']}
    logo-uri=${ifDefined(args['logo-uri'])}
    user=${args.user}
    theme=${ifDefined(args.theme)}
    .scopes=${args.scopes}
  ></oauth-consent-popup>`,
};
export default meta;

/** The dialog as the mock provider's consent page shows it. */
export const Open: Story = {};

/** With the client's icon and homepage. */
export const ClientIdentity: Story = { args: { 'logo-uri': logo } };

/** The provider allows partial grants: a checkbox for each scope but `openid`. */
export const PartialGrant: Story = { args: { partial: true } };

/** Closed: nothing is shown until `open` is set. */
export const Closed: Story = { args: { open: false } };

/** Dark. */
export const Dark: Story = { args: { theme: 'dark', 'logo-uri': logo } };

/** Russian (the strings of the dialog; the scopes' own names come from the provider). */
export const Russian: Story = { render: (args, context) => html`<div lang="ru">${meta.render!(args, context)}</div>` };

/** Polish. */
export const Polish: Story = { render: (args, context) => html`<div lang="pl">${meta.render!(args, context)}</div>` };

/** Chinese. */
export const Chinese: Story = { render: (args, context) => html`<div lang="zh">${meta.render!(args, context)}</div>` };

/** Right to left. */
export const RightToLeft: Story = {
  args: { partial: true },
  render: (args, context) => html`<div dir="rtl">${meta.render!(args, context)}</div>`,
};
