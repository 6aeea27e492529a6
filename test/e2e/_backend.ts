// The app backend the test runner serves beside the mock provider: oauth-elements/server's code
// exchange, one route per registered confidential client, its secret read from the mock's state as a
// real backend reads it from its configuration.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ProfileId } from '../../src/core/profiles/index.js';
import type { MockProvider } from '../../src/mock-provider/provider.js';
import { codeExchangeHandler, type FetchHandler } from '../../src/server/code-exchange.js';
import { sendResponse, toRequest } from '../../src/server/node-adapter.js';

/** Where a test client's backend token endpoint is: `/api/oauth/<profile>/<client_id>/token`. */
export const backendRoute = /^\/api\/oauth\/(\w+)\/([\w-]+)\/token$/;

/** Koa-style middleware serving {@link backendRoute} for the pages of `origins`, relaying to the mock provider at `origin`. */
export function backend(provider: MockProvider, origin: string, origins: string[]) {
  const handlers = new Map<string, FetchHandler>();
  return async (
    ctx: { req: IncomingMessage; res: ServerResponse; respond?: boolean },
    next: () => Promise<unknown>,
  ): Promise<unknown> => {
    const [, profile = '', clientId = ''] = backendRoute.exec(new URL(ctx.req.url ?? '/', origin).pathname) ?? [];
    const secret = provider.states.get(profile)?.clients.get(clientId)?.client_secret;
    if (!secret) return next();
    // One handler per client, made once: it keeps that client's sessions.
    let handler = handlers.get(`${profile} ${clientId}`);
    if (!handler) {
      const issuer = `${origin}${provider.basePath}/${profile}`;
      // An OpenID provider's endpoints come from its discovery document, not its profile.
      const endpoints =
        profile === 'oidc' ? { tokenEndpoint: `${issuer}/token`, revocationEndpoint: `${issuer}/revoke` } : {};
      handler = codeExchangeHandler({
        profile: profile as ProfileId,
        issuer,
        ...endpoints,
        clientId,
        clientSecret: secret,
        allowedOrigins: origins,
      });
      handlers.set(`${profile} ${clientId}`, handler);
    }
    await sendResponse(await handler(await toRequest(ctx.req)), ctx.res);
    ctx.respond = false;
    return undefined;
  };
}
