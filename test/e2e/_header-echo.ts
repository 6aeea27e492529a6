// An API on another origin than the app's, as an app's own APIs elsewhere are: it answers any origin with CORS
// and reports which credentials reached it, so a test sees whether client.fetch() attached the token.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The path of the echo, mounted by the test runner. */
export const headerEchoPath = '/header-echo';

/** Middleware: `GET /header-echo` answers `{ authorization, dpop }`, each the scheme sent or `null`. */
export function headerEcho() {
  return async (
    ctx: { req: IncomingMessage; res: ServerResponse; respond?: boolean },
    next: () => Promise<unknown>,
  ) => {
    if (ctx.req.url?.split('?')[0] !== headerEchoPath) return next();
    ctx.respond = false;
    const origin = ctx.req.headers.origin ?? '*';
    const cors = {
      'access-control-allow-origin': origin,
      'access-control-allow-headers': 'authorization, dpop',
      vary: 'origin',
    };
    if (ctx.req.method === 'OPTIONS') {
      ctx.res.writeHead(204, cors).end();
      return undefined;
    }
    const authorization = ctx.req.headers.authorization?.split(' ')[0] ?? null;
    const dpop = typeof ctx.req.headers.dpop === 'string' ? 'proof' : null;
    ctx.res
      .writeHead(200, { ...cors, 'content-type': 'application/json' })
      .end(JSON.stringify({ authorization, dpop }));
    return undefined;
  };
}
