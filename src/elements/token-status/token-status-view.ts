import { html, nothing, type TemplateResult } from 'lit';
import type { Session } from '../../core/index.js';
import type { en } from '../strings/en.js';
import type { enStatus } from '../strings/en-status.js';
import { fill } from '../text.js';

export { tokenStatusStyles } from './token-status.styles.js';
export { enStatus } from '../strings/en-status.js';

// The status's look and words, which load when a status first connects: a page with only a sign-in button does without them.

/** `seconds` as the two largest units, in the strings' words (`1 h 5 min`, `4 мин 2 с`). */
export function formatRemaining(
  seconds: number,
  strings: Pick<typeof enStatus, 'hours' | 'minutes' | 'seconds'>,
): string {
  const unit = (text: string, n: number): string => fill(text, { n: String(n) });
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  if (hours) return `${unit(strings.hours, hours)} ${unit(strings.minutes, minutes)}`;
  return minutes
    ? `${unit(strings.minutes, minutes)} ${unit(strings.seconds, seconds % 60)}`
    : unit(strings.seconds, seconds);
}

/** What the status shows. */
export type TokenState = 'signed-out' | 'valid' | 'expiring-soon' | 'refreshing' | 'expired' | 'error';

/** What the status shows, as its element has worked it out. */
export interface StatusView {
  state: TokenState;
  strings: typeof en & typeof enStatus;
  session: Session | null;
  /** The signed-in user's name, as the button shows it. */
  who: string | undefined;
  error: { message: string } | undefined;
  variant: 'badge' | 'detailed';
  memoryOnly: boolean;
  now: number;
}

/** The badge or card of a status. */
export function renderStatus(view: StatusView): TemplateResult {
  const { state, strings, session, variant } = view;
  const who = view.who ?? session?.user?.sub ?? strings.someone;
  const labels: Record<TokenState, string> = {
    'signed-out': strings.signedOut,
    valid: fill(strings.signedInAs, { user: who }),
    'expiring-soon': fill(strings.expiringSoon, { user: who }),
    refreshing: strings.refreshing,
    expired: strings.expired,
    error: fill(strings.failed, { reason: view.error?.message ?? '' }),
  };
  const counting = (state === 'valid' || state === 'expiring-soon') && session?.expiresAt !== undefined;
  const seconds = counting ? Math.max(0, Math.floor(((session.expiresAt ?? 0) - view.now) / 1000)) : 0;
  const scopes = variant === 'detailed' && session ? session.scope.split(' ').filter(Boolean) : [];
  return html`<div part="base">
      <span part="indicator" aria-hidden="true"></span><span part="label" role="status" aria-live="polite">${labels[state]}</span>
      ${counting ? html`<span part="time">${fill(strings.timeLeft, { time: formatRemaining(seconds, strings) })}</span>` : nothing}
      ${scopes.length ? html`<span part="scopes-label" id="scopes">${strings.scopes}</span><ul part="scopes" aria-labelledby="scopes">${scopes.map((scope) => html`<li part="scope">${scope}</li>`)}</ul>` : nothing}
      ${variant === 'detailed' && view.memoryOnly ? html`<p part="note">${strings.memoryOnly}</p>` : nothing}
    </div>`;
}
