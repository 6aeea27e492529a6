/**
 * Marks a step of a sign-in or a page load on the page's performance timeline as
 * `oauth-elements:<step>`, where `npm run bench` and the browser's profiler show it. A mark costs
 * about a microsecond and holds no token or code.
 * @see https://www.w3.org/TR/user-timing/#mark-method
 */
export function mark(step: string): void {
  globalThis.performance?.mark?.(`oauth-elements:${step}`);
}
