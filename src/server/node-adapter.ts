import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FetchHandler } from './code-exchange.js';

/**
 * A Node request as a fetch `Request`, its URL built from the Host header. The body is a stream
 * that reads from the socket only as the handler reads it: a handler that refuses a request before
 * reading its body, or stops at a size limit, leaves the rest unread (see {@link sendResponse}).
 */
export async function toRequest(req: IncomingMessage): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) value.forEach((item) => headers.append(name, item));
    else if (value !== undefined) headers.set(name, value);
  }
  const method = req.method ?? 'GET';
  const init: RequestInit & { duplex?: 'half' } = { method, headers };
  if (method !== 'GET' && method !== 'HEAD') {
    init.body = bodyStream(req);
    init.duplex = 'half';
  }
  return new Request(new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`), init);
}

/** The request's body as a web stream pulled chunk by chunk: nothing is read before the first pull. */
function bodyStream(req: IncomingMessage): ReadableStream<Uint8Array> {
  const iterator = req[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { done, value } = await iterator.next();
        if (done) controller.close();
        else controller.enqueue(new Uint8Array(value as Buffer));
      },
      // Stop pulling and leave the rest on the wire; the response closes the connection.
      cancel: () => {
        req.pause();
      },
    },
    { highWaterMark: 0 },
  );
}

/**
 * Writes a fetch `Response` to a Node response. When the handler answered without reading the whole
 * body (a refusal, a size limit, a timeout), the connection closes after the answer instead of
 * draining the rest of the body, so a client cannot make the server read what it refused.
 */
export async function sendResponse(response: Response, res: ServerResponse): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  const req = res.req as IncomingMessage | undefined;
  const unread = req !== undefined && !req.complete && req.method !== 'GET' && req.method !== 'HEAD';
  if (unread) res.setHeader('connection', 'close');
  res.end(Buffer.from(await response.arrayBuffer()));
  if (unread) res.once('finish', () => req.socket.destroy());
}

/** Answers a Node request with `handler` when its path is `path` (or below `path/` with `prefix`); resolves `false` otherwise. */
export async function handleNodeRoute(
  path: string,
  handler: FetchHandler,
  req: IncomingMessage,
  res: ServerResponse,
  prefix = false,
): Promise<boolean> {
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
