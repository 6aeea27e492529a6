// A browser as the backend route sees one, for the Node tests of codeExchangeHandler: an Origin and
// a cookie jar that keeps what the route sets (Set-Cookie, Max-Age=0 removes).
import type { FetchHandler } from '../../src/server/code-exchange.js';

/** One browser talking to one route. */
export interface TestBrowser {
  /** The cookies it holds, by name. */
  readonly jar: Map<string, string>;
  /** The Set-Cookie values of its last response. */
  lastSetCookies: string[];
  post(form: Record<string, string>, headers?: Record<string, string>): Promise<Response>;
  /** `action=start` for `state`, as the kit does before it leaves for the provider. */
  start(state: string): Promise<Response>;
}

/** A browser on `origin` posting forms to `handler`. */
export function _browser(handler: FetchHandler, origin: string): TestBrowser {
  const jar = new Map<string, string>();
  const browser: TestBrowser = {
    jar,
    lastSetCookies: [],
    async post(form, headers = {}) {
      const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
      const response = await handler(
        new Request('http://backend.local/api/oauth/token', {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            origin,
            ...(cookie ? { cookie } : {}),
            ...headers,
          },
          body: new URLSearchParams(form),
        }),
      );
      browser.lastSetCookies = response.headers.getSetCookie();
      for (const line of browser.lastSetCookies) {
        const [pair = ''] = line.split(';');
        const at = pair.indexOf('=');
        if (/;\s*Max-Age=0(;|$)/i.test(line)) jar.delete(pair.slice(0, at));
        else jar.set(pair.slice(0, at), pair.slice(at + 1));
      }
      return response;
    },
    start: (state) => browser.post({ action: 'start', state }),
  };
  return browser;
}
