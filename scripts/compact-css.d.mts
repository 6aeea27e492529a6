/** `code` with each css`…` template's text compacted. */
export function compactCss(code: string): string;
/** Compacts every `*.styles.js` under `dir` in place. */
export function compactStylesIn(dir: string): void;
