import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FetchHandler } from './code-exchange.js';

/** A Node request as a fetch `Request`, its URL built from the Host header. */
export async function toRequest(req: IncomingMessage): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) value.forEach((item) => headers.append(name, item));
    else if (value !== undefined) headers.set(name, value);
  }
  const method = req.method ?? 'GET';
  return new Request(new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`), {
    method,
    headers,
    body: method === 'GET' || method === 'HEAD' ? undefined : Buffer.concat(chunks),
  });
}

/** Writes a fetch `Response` to a Node response. */
export async function sendResponse(response: Response, res: ServerResponse): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  res.end(Buffer.from(await response.arrayBuffer()));
}

/** Answers a Node request with `handler` when its path is `path` (or below `path/` with `prefix`); resolves `false` otherwise. */
export async function handleNodeRoute(path: string, handler: FetchHandler, req: IncomingMessage, res: ServerResponse, prefix = false): Promise<boolean> {
  const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (prefix ? !pathname.startsWith(`${path}/`) : pathname !== path) return false;
  await sendResponse(await handler(await toRequest(req)), res);
  return true;
}

/**
 * Connect-style middleware (Express, Vite, Connect) that serves one fetch-style route and passes
 * every other path on: `app.use(nodeRoute('/api/oauth/token', codeExchangeHandler({ … })))`.
 * @see https://github.com/senchalabs/connect#use-middleware
 */
export function nodeRoute(path: string, handler: FetchHandler) {
  return (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void): void => {
    handleNodeRoute(path, handler, req, res).then((handled) => handled || next(), next);
  };
}
