import { json } from './responses.js';

/**
 * Refuses a state-changing request (the control endpoint, registration, client management) unless it
 * comes from the provider's own origin or from no browser at all (no `Origin`), with a JSON body.
 * A cross-site page can send `text/plain` or a form without a CORS preflight, and a developer's
 * browser reaches the mock on localhost; JSON makes the browser ask first, and the `Origin` check
 * refuses whatever a preflight let through.
 * @see https://fetch.spec.whatwg.org/#cors-safelisted-request-header
 * @see https://www.rfc-editor.org/rfc/rfc6454#section-7
 */
export function refuseCrossSite(request: Request): Response | undefined {
  const origin = request.headers.get('origin');
  if (origin !== null && origin !== new URL(request.url).origin) {
    return json(
      { error: 'invalid_request', error_description: 'this endpoint takes requests from its own origin only' },
      403,
    );
  }
  const type = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (request.method !== 'DELETE' && type !== 'application/json') {
    return json({ error: 'invalid_request', error_description: 'send the body as application/json' }, 415);
  }
  return undefined;
}
