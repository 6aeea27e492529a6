import { css } from 'lit';

export const consentPopupStyles = css`
  [part~='dialog'] {
    box-sizing: border-box;
    max-inline-size: min(28rem, 100vw - 2rem);
    padding: 1.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--oauth-radius, 0.75rem);
    background: var(--_bg);
    color: var(--_fg);
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
  a {
    color: var(--_accent);
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
    color: var(--_muted);
  }
  [part~='scope-icon'] img {
    border-radius: 0.25rem;
  }
  [part~='checkbox'] {
    margin-inline: 0 0.25rem;
    accent-color: var(--_accent);
  }
  [part~='actions'] {
    display: flex;
    justify-content: flex-end;
    gap: 0.5rem;
    margin-block-start: 1rem;
  }
  button {
    padding: 0.5em 1em;
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    background: transparent;
    color: inherit;
    font: inherit;
    cursor: pointer;
  }
  [part~='approve'] {
    background: var(--oauth-button-background, var(--_accent));
    border-color: transparent;
    color: var(--oauth-button-color, var(--_on-accent));
  }
`;
