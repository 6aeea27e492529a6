/** `code` with each css`…` template's text compacted. */
export function compactCss(code: string): string;
