// The elements' css`` templates without the whitespace they are laid out with, the zero before a decimal point
// (`.5em`), the space before `!important` or the quotes around an attribute selector's identifier (`[part~=button]`),
// as CSS minifiers write them: JS minifiers keep template text as it is.

/** `code` with each css`…` template's text compacted (no `${}` inside: the templates are plain CSS). */
export const compactCss = (code) =>
  code.replace(
    /css\s*`([^`$]*)`/g,
    (_, text) =>
      `css\`${text
        .replace(/\s+/g, ' ')
        .replace(/ ?([{};,>]) ?/g, '$1')
        .replace(/: /g, ':')
        .replace(/;}/g, '}')
        .replace(/([\s:(,])0\.(\d)/g, '$1.$2')
        .replace(/ !important/g, '!important')
        .replace(/\[([\w-]+)([~|^$*]?=)'([a-z_][\w-]*)'\]/gi, '[$1$2$3]')
        .trim()}\``,
  );
