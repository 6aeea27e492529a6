import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MockProvider } from './provider.js';

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

/** Answers a Node request when its path is the provider's; resolves `false` for any other path. */
export async function handleNode(provider: MockProvider, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  if (!req.url?.startsWith(`${provider.basePath}/`)) return false;
  await sendResponse(await provider(await toRequest(req)), res);
  return true;
}

/** Connect-style middleware that hands the provider's paths to it and passes the rest on. */
export function nodeMiddleware(provider: MockProvider) {
  return (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void): void => {
    handleNode(provider, req, res).then((handled) => handled || next(), next);
  };
}
