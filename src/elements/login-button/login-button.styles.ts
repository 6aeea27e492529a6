import { css } from 'lit';

export const loginButtonStyles = css`
  :host {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
  }
  [part~='button'] {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
    min-block-size: 2.25em;
    padding: var(--oauth-button-padding, 0.4em 1em);
    border: 1px solid var(--oauth-button-border-color, transparent);
    border-radius: var(--_radius);
    background: var(--oauth-button-background, var(--_accent));
    color: var(--oauth-button-color, var(--_on-accent));
    font: inherit;
    cursor: pointer;
  }
  :host([state='signed-in']) [part~='button'] {
    padding-inline-start: 0.4em;
  }
  [part~='button']:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  [part~='button'][aria-busy='true'] {
    cursor: progress;
  }
  [part~='avatar'] {
    display: inline-grid;
    place-items: center;
    inline-size: 1.5em;
    block-size: 1.5em;
    border-radius: 50%;
    background: var(--_on-accent);
    color: var(--_accent);
    font-size: 0.85em;
    font-weight: 600;
    object-fit: cover;
  }
  [part~='name'] {
    padding-inline-end: 0.5em;
    border-inline-end: 1px solid currentColor;
  }
  [part~='spinner'] {
    inline-size: 0.9em;
    block-size: 0.9em;
    border: 2px solid currentColor;
    border-inline-end-color: transparent;
    border-radius: 50%;
    animation: spin 0.8s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(1turn);
    }
  }
  [part~='error'] {
    color: var(--_danger);
  }
`;
