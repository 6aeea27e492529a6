/** Headers every token-bearing answer carries. @see https://www.rfc-editor.org/rfc/rfc6749#section-5.1 */
export const noStore = { 'cache-control': 'no-store', pragma: 'no-cache' };

/** A JSON response. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}

/**
 * An RFC 6749 error response; 401 for a failed client authentication.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 */
export function oauthError(
  error: string,
  description: string,
  status = 400,
  headers: Record<string, string> = {},
): Response {
  return json({ error, error_description: description }, status, { ...noStore, ...headers });
}

/** An HTML page; the consent page may be framed by its own origin only. */
export function html(body: string, status = 200): Response {
  return new Response(body, {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': "frame-ancestors 'self'",
      'x-content-type-options': 'nosniff',
    },
  });
}

/** A 303 to `location` with the given parameters in its query, or in its fragment (implicit, RFC 6749 §4.2.2). */
export function redirect(
  location: string,
  params: Record<string, string | undefined>,
  mode: 'query' | 'fragment' = 'query',
): Response {
  const url = new URL(location);
  const fragment = new URLSearchParams();
  const target = mode === 'query' ? url.searchParams : fragment;
  for (const [name, value] of Object.entries(params)) if (value !== undefined) target.set(name, value);
  if (mode === 'fragment') url.hash = fragment.toString();
  return new Response(null, { status: 303, headers: { location: url.href, 'cache-control': 'no-store' } });
}

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Parameters of a query or form body; `null` when one is repeated (RFC 6749 §3.1). */
export function singleParams(params: URLSearchParams): Map<string, string> | null {
  const result = new Map<string, string>();
  for (const [name, value] of params) {
    if (result.has(name)) return null;
    result.set(name, value);
  }
  return result;
}

/** The form body of a POST, or `null` when it is not `application/x-www-form-urlencoded`. */
export async function formOf(request: Request): Promise<URLSearchParams | null> {
  if (!request.headers.get('content-type')?.startsWith('application/x-www-form-urlencoded')) return null;
  return new URLSearchParams(await request.text());
}
