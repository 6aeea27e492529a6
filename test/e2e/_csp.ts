// The strict Content-Security-Policy of SECURITY.md and README, served on the CSP test app page, and
// an endpoint collecting the violation reports its pages send (issue 14, item 11).
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The page served with the policy; it loads no inline script. */
export const cspAppPath = '/test/e2e/_csp-app.html';

/** Where the policy's pages report violations; GET lists the reports received so far. */
export const cspReportPath = '/test/e2e/__csp-reports';

/** The policy a page using the kit can have, the provider being at `provider`. */
export function strictPolicy(provider: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `connect-src 'self' ${provider}`,
    "require-trusted-types-for 'script'",
    'trusted-types lit-html',
    `report-uri ${cspReportPath}`,
  ].join('; ');
}

/** Koa-style middleware: the policy on {@link cspAppPath}, and the reports at {@link cspReportPath}. */
export function strictCspPages(provider: string) {
  const reports: unknown[] = [];
  return async (
    ctx: { req: IncomingMessage; res: ServerResponse; respond?: boolean; set(name: string, value: string): void },
    next: () => Promise<unknown>,
  ): Promise<unknown> => {
    const path = new URL(ctx.req.url ?? '/', 'http://localhost').pathname;
    if (path === cspReportPath) {
      if (ctx.req.method === 'POST') {
        let body = '';
        for await (const chunk of ctx.req) body += String(chunk);
        reports.push(JSON.parse(body || 'null'));
        ctx.res.writeHead(204).end();
      } else {
        ctx.res
          .writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' })
          .end(JSON.stringify(reports));
      }
      ctx.respond = false;
      return undefined;
    }
    await next();
    if (path === cspAppPath) ctx.set('content-security-policy', strictPolicy(provider));
    return undefined;
  };
}
