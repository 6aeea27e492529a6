import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleNodeRoute } from '../server/node-adapter.js';
import type { MockProvider } from './provider.js';

/** Answers a Node request when its path is the provider's; resolves `false` for any other path. */
export function handleNode(provider: MockProvider, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  return handleNodeRoute(provider.basePath, provider, req, res, true);
}

/** Connect-style middleware that hands the provider's paths to it and passes the rest on. */
export function nodeMiddleware(provider: MockProvider) {
  return (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void): void => {
    handleNode(provider, req, res).then((handled) => handled || next(), next);
  };
}
