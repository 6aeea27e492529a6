import { css } from 'lit';

/** The shared look: light and dark from the user's preference or an override, reduced motion, and a text only screen readers see. */
export const themeStyles = css`
  :host {
    color-scheme: var(--oauth-color-scheme, light dark);
    --_fg: var(--oauth-color, light-dark(#1b1f24, #e6edf3));
    --_bg: var(--oauth-background, light-dark(#fff, #161b22));
    --_muted: var(--oauth-muted-color, light-dark(#57606a, #9da7b3));
    --_border: var(--oauth-border-color, light-dark(#d0d7de, #3d444d));
    --_accent: var(--oauth-accent-color, light-dark(#0969da, #58a6ff));
    --_on-accent: var(--oauth-on-accent-color, light-dark(#fff, #0d1117));
    --_danger: var(--oauth-error-color, light-dark(#b42318, #ff7b72));
    --_ok: var(--oauth-ok-color, light-dark(#1a7f37, #3fb950));
    --_warn: var(--oauth-warn-color, light-dark(#9a6700, #d29922));
    --_radius: var(--oauth-radius, 0.375rem);
    --_focus: var(--oauth-focus-color, var(--_accent));
    font: inherit;
    font-family: var(--oauth-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
  }
  :host([theme='light']) {
    color-scheme: light;
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
  :host([hidden]) {
    display: none;
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .sr-only {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    ::before,
    ::after {
      animation: none !important;
      transition: none !important;
    }
  }
`;
