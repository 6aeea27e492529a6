import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/elements/token-status/define.js';

const meta: Meta<{ client: string }> = {
  title: 'Elements/Token status',
  component: 'oauth-token-status',
  args: { client: 'story-status' },
  render: (args) => html`<oauth-token-status client=${args.client}></oauth-token-status>`,
};
export default meta;

/** Nobody signed in. */
export const SignedOut: StoryObj<{ client: string }> = {};
