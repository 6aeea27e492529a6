// panva's oidc-provider, a certified OpenID provider we did not write, mounted in the test runner at /op.
import type { IncomingMessage, ServerResponse } from 'node:http';
// @ts-expect-error oidc-provider ships no types
import Provider from 'oidc-provider';

/** The client the kit signs in with: public, PKCE, refresh tokens. */
export const realProviderClientId = 'kit';

/** Makes the provider for the test runner at `origin`, with a middleware that serves `/op/*`. */
export function realProvider(origin: string) {
  const provider = new Provider(`${origin}/op`, {
    clients: [
      {
        client_id: realProviderClientId,
        token_endpoint_auth_method: 'none',
        redirect_uris: [`${origin}/test/e2e/_app.html`],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
      },
    ],
    features: { revocation: { enabled: true }, devInteractions: { enabled: true } },
    issueRefreshToken: async () => true,
    rotateRefreshToken: true,
    claims: { openid: ['sub'], profile: ['name'] },
    findAccount: async (_ctx: unknown, sub: string) => ({ accountId: sub, claims: async () => ({ sub, name: `Real ${sub}` }) }),
  });
  provider.proxy = true;
  const callback = provider.callback();
  return async (ctx: { req: IncomingMessage; res: ServerResponse; respond?: boolean }, next: () => Promise<unknown>) => {
    if (!ctx.req.url?.startsWith('/op/')) return next();
    ctx.respond = false;
    // Mounted as Express mounts it: oidc-provider reads the prefix from baseUrl/originalUrl.
    Object.assign(ctx.req, { originalUrl: ctx.req.url, baseUrl: '/op' });
    ctx.req.url = ctx.req.url.slice('/op'.length);
    await new Promise<void>((resolve) => {
      ctx.res.once('finish', resolve);
      ctx.res.once('close', resolve);
      callback(ctx.req, ctx.res);
    });
    return undefined;
  };
}
