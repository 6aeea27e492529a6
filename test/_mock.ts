// Helpers that talk to the mock provider the test runner serves at /mock, over real HTTP.

export const issuer = `${location.origin}/mock/oidc`;

/** Registers a public client for the given pages of this origin (RFC 7591) and returns its id. */
export async function registerClient(paths: string[], extra: Record<string, unknown> = {}): Promise<string> {
  const response = await fetch(`${issuer}/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      client_name: 'Test app',
      redirect_uris: paths.map((path) => new URL(path, location.origin).href),
      token_endpoint_auth_method: 'none',
      scope: 'openid profile email',
      ...extra,
    }),
  });
  if (response.status !== 201) throw new Error(`registration failed with ${response.status}`);
  return ((await response.json()) as { client_id: string }).client_id;
}

/** Resolves once `check` returns a truthy value, or fails after `timeout` ms. */
export async function waitFor<T>(check: () => T | undefined | null | false, what: string, timeout = 10_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    try {
      const value = check();
      if (value) return value;
    } catch {
      // A frame between documents throws; look again.
    }
    if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Runs the authorization endpoint and the consent decision as a browser would, returning the callback URL. */
export async function authorize(params: Record<string, string>, decision: 'approve' | 'deny' = 'approve'): Promise<URL> {
  const url = new URL(`${issuer}/authorize`);
  for (const [name, value] of Object.entries(params)) url.searchParams.append(name, value);
  const page = await fetch(url);
  const interaction = /name="interaction" value="([^"]+)"/.exec(await page.text())?.[1];
  if (!interaction) return new URL(page.url);
  const response = await fetch(`${issuer}/authorize/decision`, {
    method: 'POST',
    body: new URLSearchParams({ interaction, decision, user: 'alice' }),
  });
  return new URL(response.url);
}

/** Posts a form to the mock provider's token endpoint. */
export function tokenRequest(params: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${issuer}/token`, { method: 'POST', body: new URLSearchParams(params), headers });
}

/** Sends a command to the mock provider's control endpoint. */
export async function control(command: Record<string, unknown>): Promise<void> {
  const response = await fetch('/mock/__control', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(command) });
  if (!response.ok) throw new Error(`control command failed with ${response.status}`);
}

/** The requests the mock provider logged for a client. */
export async function requestsOf(clientId: string): Promise<{ path: string; grantType?: string; status: number }[]> {
  return (await (await fetch(`/mock/__control?client_id=${encodeURIComponent(clientId)}`)).json()).requests;
}
