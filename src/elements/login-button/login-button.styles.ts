import { css } from 'lit';

export const loginButtonStyles = css`
  :host {
    display: inline-block;
    font: inherit;
  }
  [part~='button'] {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
    padding: var(--oauth-button-padding, 0.5em 1em);
    border: 1px solid var(--oauth-button-border-color, transparent);
    border-radius: var(--oauth-radius, 0.375rem);
    background: var(--oauth-button-background, #1f6feb);
    color: var(--oauth-button-color, #fff);
    font: inherit;
    cursor: pointer;
  }
  [part~='button']:focus-visible {
    outline: 2px solid var(--oauth-focus-color, #1f6feb);
    outline-offset: 2px;
  }
  [part~='button']:disabled {
    cursor: not-allowed;
    opacity: 0.5;
  }
  [part~='button'][aria-busy='true'] {
    cursor: progress;
    opacity: 0.75;
  }
  [part~='error'] {
    color: var(--oauth-error-color, #b42318);
    margin-inline-start: 0.5em;
  }
`;
