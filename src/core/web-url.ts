const loopback = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Whether `value` is an absolute `https:` URL, or `http:` on a loopback host: the only URLs a provider's
 * or a client's metadata may point a user to. `javascript:`, `data:` and the like are not.
 * @see https://www.rfc-editor.org/rfc/rfc7591#section-2
 * @see https://www.rfc-editor.org/rfc/rfc8252#section-8.3
 */
export function isWebUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return url.protocol === 'https:' || (url.protocol === 'http:' && loopback.has(url.hostname));
}
