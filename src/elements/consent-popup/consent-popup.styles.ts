import { css } from 'lit';

export const consentPopupStyles = css`
  :host {
    font: inherit;
    color: var(--oauth-color, #1b1f24);
  }
  [part~='dialog'] {
    max-inline-size: min(28rem, 100vw - 2rem);
    padding: 1.5rem;
    border: 1px solid var(--oauth-border-color, #d0d7de);
    border-radius: var(--oauth-radius, 0.75rem);
    background: var(--oauth-background, #fff);
    color: inherit;
  }
  [part~='dialog']::backdrop {
    background: var(--oauth-backdrop, rgb(0 0 0 / 0.4));
  }
  [part~='header'] {
    display: flex;
    align-items: center;
    gap: 0.75rem;
  }
  [part~='logo'] {
    inline-size: 2.5rem;
    block-size: 2.5rem;
    border-radius: 0.5rem;
  }
  h2 {
    margin: 0;
    font-size: 1.25rem;
  }
  [part~='scopes'] {
    list-style: none;
    padding: 0;
  }
  [part~='scope'] {
    display: grid;
    grid-template-columns: 1.5rem 1fr;
    gap: 0 0.5rem;
    margin-block: 0.75rem;
  }
  [part~='scope'] small {
    grid-column: 2;
    opacity: 0.8;
  }
  [part~='actions'] {
    display: flex;
    justify-content: flex-end;
    gap: 0.5rem;
    margin-block-start: 1rem;
  }
  button {
    padding: 0.5em 1em;
    border-radius: var(--oauth-radius, 0.375rem);
    border: 1px solid var(--oauth-border-color, #d0d7de);
    background: transparent;
    color: inherit;
    font: inherit;
    cursor: pointer;
  }
  [part~='approve'] {
    background: var(--oauth-button-background, #1f6feb);
    border-color: transparent;
    color: var(--oauth-button-color, #fff);
  }
  button:focus-visible {
    outline: 2px solid var(--oauth-focus-color, #1f6feb);
    outline-offset: 2px;
  }
`;
