import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { until } from 'lit/directives/until.js';
import { OAuthError } from '../src/core/index.js';
import '../src/elements/login-button/define.js';
import '../src/elements/token-status/define.js';
import { inBothThemes, inEveryLanguage } from './_looks.js';
import { startMockWorker, workerCallback, workerIssuer } from './_service-worker.js';
import { alice, sessionFor, storyClient, type StoryClientState } from './_story-client.js';

interface Args {
  mode: 'redirect' | 'popup';
  'popup-fallback': 'redirect' | 'none';
  theme?: 'light' | 'dark';
  label?: string;
  '--oauth-button-background'?: string;
}

type Story = StoryObj<Args>;

const button = (args: Args, state: StoryClientState = {}) =>
  html`<oauth-login-button
    mode=${args.mode}
    popup-fallback=${args['popup-fallback']}
    theme=${ifDefined(args.theme)}
    style=${ifDefined(args['--oauth-button-background'] ? `--oauth-button-background: ${args['--oauth-button-background']}` : undefined)}
    .client=${storyClient(state)}
    >${args.label ?? ''}</oauth-login-button
  >`;

const meta: Meta<Args> = {
  title: 'Elements/Login button',
  tags: ['autodocs'],
  component: 'oauth-login-button',
  args: { mode: 'popup', 'popup-fallback': 'redirect' },
  argTypes: {
    mode: { control: 'inline-radio', options: ['redirect', 'popup'] },
    'popup-fallback': { control: 'inline-radio', options: ['redirect', 'none'] },
    theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
    '--oauth-button-background': { control: 'color' },
  },
  render: (args) => button(args),
};
export default meta;

/** Signed out, ready to sign in. */
export const SignedOut: Story = {};

/** Busy: signing in, or loading the stored session (so a signed-in user never sees "Sign in" flash). */
export const Busy: Story = { render: (args) => button(args, { loading: true }) };

/** Signed in: the name and picture from the id_token or userinfo claims `name` and `picture`, then sign-out. */
export const SignedIn: Story = { render: (args) => button(args, { session: sessionFor(3600) }) };

/** Signed in as a user without a picture: their initials. */
export const SignedInWithoutPicture: Story = {
  render: (args) => button(args, { session: sessionFor(3600, { sub: 'bob', name: 'Bob Builder' }) }),
};

/** With `popup-fallback="none"`, a blocked popup says so. */
export const PopupBlocked: Story = {
  args: { 'popup-fallback': 'none' },
  render: (args) =>
    button(args, { failure: new OAuthError('popup_blocked', 'the browser blocked the sign-in window') }),
};

/** A refused configuration (an issuer without https) shows its error. */
export const ConfigurationError: Story = {
  render: () =>
    html`<oauth-login-button client="story-bad-issuer" issuer="http://id.example.com" client-id="spa"></oauth-login-button>`,
};

/** Without a client the button is disabled. */
export const WithoutClient: Story = {
  render: () => html`<oauth-login-button client="nobody-provides-this"></oauth-login-button>`,
};

/** Labels from slots: the default slot signs in, `signed-in` signs out, `busy` while working. */
export const SlottedLabels: Story = {
  args: { label: 'Continue with Example ID' },
  render: (args) => html`${button(args)}
    <oauth-login-button .client=${storyClient({ session: sessionFor(3600) })}><span slot="signed-in">Leave</span></oauth-login-button>`,
};

/** Themed through `--oauth-button-background` and `::part(button)`. */
export const CustomProperties: Story = {
  args: { '--oauth-button-background': '#7c3aed', label: 'Continue with Example ID' },
};

/** English, Russian, Polish and Chinese, from the nearest `lang`. */
export const Languages: Story = {
  render: (args) =>
    inEveryLanguage(
      () => html`${button(args)} ${button(args, { session: sessionFor(3600) })} ${button(args, { loading: true })}`,
    ),
};

/** Light and dark; `theme` overrides `prefers-color-scheme`. */
export const Themes: Story = {
  render: (args) =>
    inBothThemes(
      (theme) =>
        html`${button({ ...args, theme })} ${button({ ...args, theme }, { session: sessionFor(3600) })} ${button({ ...args, theme, 'popup-fallback': 'none' }, { failure: new OAuthError('popup_blocked', 'blocked') })}`,
    ),
};

/** Right to left: logical properties follow `dir`. */
export const RightToLeft: Story = {
  render: (args) => html`<div dir="rtl" lang="en">${button(args, { session: sessionFor(3600, alice) })}</div>`,
};

/**
 * Signs in for real against the mock provider running in a Service Worker: press the button, approve in the popup
 * (popup mode: the callback page beside Storybook hands the response back to this story).
 * Works in `storybook dev` and in the static `build-storybook` output (`npm run test:storybook-static` proves it).
 */
export const SignInWithServiceWorker: Story = {
  tags: ['!test'],
  render: () =>
    html`${until(
      startMockWorker().then(
        (
          clientId,
        ) => html`<oauth-login-button client="story-worker" mode="popup" popup-fallback="none" issuer=${workerIssuer} client-id=${clientId} redirect-uri=${workerCallback} scope="openid profile email offline_access"></oauth-login-button>
          <p><oauth-token-status client="story-worker" variant="detailed"></oauth-token-status></p>`,
        (error: Error) => html`<p role="alert">The mock provider's worker did not start: ${error.message}</p>`,
      ),
      html`<p>Starting the mock provider in a Service Worker…</p>`,
    )}`,
};
