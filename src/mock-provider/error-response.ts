import type { EndpointContext } from './context.js';
import { oauthError } from './responses.js';

/**
 * An RFC 6749 error as this provider spells it: phpapi says `invalid_code`, rservice answers 400 to everything.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 */
export function errorResponse(
  ctx: EndpointContext,
  error: string,
  description: string,
  status = 400,
  headers: Record<string, string> = {},
): Response {
  const spelled = ctx.settings.errors?.[error];
  return oauthError(spelled?.error ?? error, description, spelled?.status ?? status, headers);
}
