import { withoutCallbackParams } from './callback-url.js';

/** The page's authorization response, kept once it is scrubbed from the address bar. */
let kept: string | undefined;

/**
 * The page's callback URL for any client of the page: read once from the address bar, which is
 * scrubbed at once (no code or state stays in history or reaches a referrer), then kept until the
 * client it belongs to answers for it.
 * @see https://www.rfc-editor.org/rfc/rfc9700#section-4.2.4
 */
export function pageCallback(): string {
  const href = location.href;
  const scrubbed = withoutCallbackParams(href);
  if (scrubbed !== href) {
    kept = href;
    history.replaceState(history.state, '', scrubbed);
  }
  return kept ?? href;
}

/** The client `href` belongs to has answered for it: no other client of the page will see it. */
export function releasePageCallback(href: string): void {
  if (kept === href) kept = undefined;
}
