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
