import type { EndpointContext } from './context.js';
import { json, noStore } from './responses.js';

/** The rate-limit headers of an answer: the limit, what is left and when the window resets (epoch seconds). */
function limitHeaders(limit: number, remaining: number, resetAt: number): Record<string, string> {
  return {
    'x-ratelimit-limit': String(limit),
    'x-ratelimit-remaining': String(remaining),
    'x-ratelimit-reset': String(Math.ceil(resetAt / 1000)),
  };
}

/**
 * A 429 with `Retry-After` and the `X-RateLimit-*` headers.
 * @see https://www.rfc-editor.org/rfc/rfc6585#section-4
 */
export function tooManyRequests(limit: number, resetAt: number, now: number): Response {
  return json({ error: 'rate_limited', error_description: 'too many requests' }, 429, {
    ...noStore,
    ...limitHeaders(limit, 0, resetAt),
    'retry-after': String(Math.max(1, Math.ceil((resetAt - now) / 1000))),
  });
}

/**
 * Answers through `respond` while the key (a client or a token) has requests left in its fixed
 * window, with the limit headers; a 429 once it has none.
 */
export async function rateLimited(
  ctx: EndpointContext,
  key: string,
  respond: () => Promise<Response>,
): Promise<Response> {
  const rule = ctx.settings.rateLimit;
  if (!rule) return respond();
  const now = ctx.now();
  const size = rule.window * 1000;
  const start = Math.floor(now / size) * size;
  const window = ctx.state.rateWindows.get(key);
  const current = window && window.start === start ? window : { start, count: 0 };
  ctx.state.rateWindows.set(key, current);
  if (current.count >= rule.limit) return tooManyRequests(rule.limit, start + size, now);
  current.count += 1;
  const response = await respond();
  // A scripted 429 keeps the headers it was given.
  for (const [name, value] of Object.entries(limitHeaders(rule.limit, rule.limit - current.count, start + size))) {
    if (!response.headers.has(name)) response.headers.set(name, value);
  }
  return response;
}
