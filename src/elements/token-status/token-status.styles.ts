import { css } from 'lit';

export const tokenStatusStyles = css`
  :host {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
    font: inherit;
    color: var(--oauth-status-color, inherit);
  }
  [part~='indicator'] {
    inline-size: 0.6em;
    block-size: 0.6em;
    border-radius: 50%;
    background: var(--oauth-status-signed-out, #8c959f);
  }
  :host([state='valid']) [part~='indicator'] {
    background: var(--oauth-status-valid, #1a7f37);
  }
  :host([state='expired']) [part~='indicator'],
  :host([state='error']) [part~='indicator'] {
    background: var(--oauth-status-expired, #b42318);
  }
`;
