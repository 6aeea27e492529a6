import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleNode } from './node-adapter.js';
import type { MockProvider } from './provider.js';

/** Koa-style context, as @web/test-runner hands it to middleware. */
interface KoaContext {
  req: IncomingMessage;
  res: ServerResponse;
  respond?: boolean;
}

/**
 * Mounts the mock provider in @web/test-runner's server, so test pages reach it over real HTTP.
 * @see https://modern-web.dev/docs/dev-server/middleware/
 */
export function testRunnerMiddleware(provider: MockProvider) {
  return async (ctx: KoaContext, next: () => Promise<unknown>): Promise<unknown> => {
    if (await handleNode(provider, ctx.req, ctx.res)) {
      ctx.respond = false;
      return undefined;
    }
    return next();
  };
}
