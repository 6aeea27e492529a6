import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { OAuthError } from '../src/core/index.js';
import '../src/elements/token-status/define.js';
import { inBothThemes, inEveryLanguage } from './_looks.js';
import { sessionFor, storyClient, type StoryClientState } from './_story-client.js';

interface Args {
  variant: 'badge' | 'detailed';
  'warn-before': number;
  theme?: 'light' | 'dark';
}

type Story = StoryObj<Args>;

const status = (args: Args, state: StoryClientState = {}) =>
  html`<oauth-token-status variant=${args.variant} warn-before=${args['warn-before']} theme=${ifDefined(args.theme)} .client=${storyClient(state)}></oauth-token-status>`;

/** Every state, for the rows of the language and theme stories. */
const states: StoryClientState[] = [
  {},
  { session: sessionFor(3600) },
  { session: sessionFor(45) },
  { session: sessionFor(10), renewing: true },
  { session: sessionFor(-5) },
  { session: sessionFor(-5), error: new OAuthError('network_error', 'the provider could not be reached') },
];

const meta: Meta<Args> = {
  title: 'Elements/Token status',
  tags: ['autodocs'],
  component: 'oauth-token-status',
  args: { variant: 'badge', 'warn-before': 60 },
  argTypes: {
    variant: { control: 'inline-radio', options: ['badge', 'detailed'] },
    theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
  },
  render: (args) => status(args),
};
export default meta;

/** Nobody signed in. */
export const SignedOut: Story = {};

/** Valid: who, and the time left, counting down. */
export const Valid: Story = { render: (args) => status(args, { session: sessionFor(3600) }) };

/** Within `warn-before` seconds of expiry. */
export const ExpiringSoon: Story = { render: (args) => status(args, { session: sessionFor(45) }) };

/** The client is renewing the token. */
export const Refreshing: Story = { render: (args) => status(args, { session: sessionFor(10), renewing: true }) };

/** The token ran out and could not be renewed. */
export const Expired: Story = { render: (args) => status(args, { session: sessionFor(-5) }) };

/** Renewing failed. */
export const Failed: Story = {
  render: (args) =>
    status(args, {
      session: sessionFor(-5),
      error: new OAuthError('network_error', 'the provider could not be reached'),
    }),
};

/** The detailed variant: who, the scopes, the time left. */
export const Detailed: Story = {
  args: { variant: 'detailed' },
  render: (args) => status(args, { session: sessionFor(3600) }),
};

/** Detailed, when IndexedDB failed and the session lives in memory only. */
export const MemoryOnly: Story = {
  args: { variant: 'detailed' },
  render: (args) => status(args, { session: sessionFor(3600), memoryOnly: true }),
};

/** Every state in English, Russian, Polish and Chinese, from the nearest `lang`. */
export const Languages: Story = {
  render: (args) =>
    inEveryLanguage(
      () =>
        html`<div style="display: grid; gap: 0.5rem; justify-items: start">${states.map((state) => status(args, state))}</div>`,
    ),
};

/** Every state, light and dark, in both variants. */
export const Themes: Story = {
  render: (args) =>
    inBothThemes(
      (theme) =>
        html`<div style="display: grid; gap: 0.5rem; justify-items: start">${states.map((state) => status({ ...args, theme }, state))}${status({ ...args, theme, variant: 'detailed' }, { session: sessionFor(3600) })}</div>`,
    ),
};

/** Right to left. */
export const RightToLeft: Story = {
  args: { variant: 'detailed' },
  render: (args) => html`<div dir="rtl">${status(args, { session: sessionFor(3600) })}</div>`,
};
