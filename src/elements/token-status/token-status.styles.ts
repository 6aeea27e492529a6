import { css } from 'lit';

export const tokenStatusStyles = css`
  :host {
    display: inline-block;
    --_dot: var(--oauth-status-signed-out, var(--_muted));
  }
  [part~='base'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 0.5em;
    padding-block: 0.2em;
    padding-inline: 0.6em;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_bg);
    color: var(--_fg);
  }
  :host([variant='detailed']) [part~='base'] {
    display: grid;
    grid-template-columns: auto 1fr;
    padding: 0.75em 1em;
    border-radius: var(--_radius);
  }
  :host([variant='detailed']) [part~='base'] > :not([part~='indicator']) {
    grid-column: 2;
  }
  [part~='indicator'] {
    inline-size: 0.6em;
    block-size: 0.6em;
    border-radius: 50%;
    background: var(--_dot);
  }
  :host([state='valid']) {
    --_dot: var(--oauth-status-valid, var(--_ok));
  }
  :host([state='expiring-soon']),
  :host([state='refreshing']) {
    --_dot: var(--oauth-status-expiring, var(--_warn));
  }
  :host([state='expired']),
  :host([state='error']) {
    --_dot: var(--oauth-status-expired, var(--_danger));
  }
  :host([state='refreshing']) [part~='indicator'] {
    animation: pulse 1s ease-in-out infinite alternate;
  }
  @keyframes pulse {
    to {
      opacity: 0.3;
    }
  }
  [part~='time'],
  [part~='scopes-label'],
  [part~='note'] {
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  [part~='scopes'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  [part~='scope'] {
    padding-inline: 0.4em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    font-family: ui-monospace, monospace;
    font-size: 0.85em;
  }
  [part~='note'] {
    margin: 0;
    font-size: 0.85em;
  }
`;
