// Helpers that talk to the mock provider the test runner serves at /mock, over real HTTP.
import { challengeOf, createVerifier } from '../src/core/sign-in/pkce.js';
import { profiles, type ProfileEndpoints, type ProfileId } from '../src/core/profiles/index.js';

export const issuer = `${location.origin}/mock/oidc`;

/** The callback page test clients register. */
export const callback = `${location.origin}/test/_callback.html`;

/** Where a helper sends its requests: a mock provider's issuer, and the `fetch` to reach it with (a frame's, for a service worker). */
export interface MockAt {
  issuer: string;
  fetch: typeof fetch;
  /** The profile's paths below the issuer, where they differ from `/authorize` and `/token`. */
  endpoints?: ProfileEndpoints | undefined;
}

/** The mock provider the test runner serves, reached from this page. */
export const served: MockAt = { issuer, fetch: (input, init) => fetch(input, init) };

/** The same, without cookies: a user-agent with no provider session, whatever other tests signed in. */
export const cookieless: MockAt = { issuer, fetch: (input, init) => fetch(input, { ...init, credentials: 'omit' }) };

/** The served mock provider's mount of a seed profile, with that profile's paths. */
export function mockOf(profile: ProfileId): MockAt {
  return { ...served, issuer: `${location.origin}/mock/${profile}`, endpoints: profiles[profile].endpoints };
}

/** A registration response (RFC 7591 §3.2.1) as the mock sends it. */
export interface Registration {
  client_id: string;
  client_secret?: string;
  registration_access_token: string;
  registration_client_uri: string;
  [field: string]: unknown;
}

/** Registers a public client for the given pages of this origin (RFC 7591) and returns its id. */
export async function registerClient(
  paths: string[],
  extra: Record<string, unknown> = {},
  at: MockAt = served,
): Promise<string> {
  return (await register(paths, extra, at)).client_id;
}

/** Registers a client for the given pages of this origin (RFC 7591), public unless `extra` says otherwise, and returns the whole answer. */
export async function register(
  paths: string[],
  extra: Record<string, unknown> = {},
  at: MockAt = served,
): Promise<Registration> {
  const response = await at.fetch(`${at.issuer}/register`, {
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
  return (await response.json()) as Registration;
}

/** Resolves once `check` returns a truthy value, or fails after `timeout` ms. */
export async function waitFor<T>(
  check: () => T | undefined | null | false,
  what: string,
  timeout = 10_000,
): Promise<T> {
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
export async function authorize(
  params: Record<string, string>,
  decision: 'approve' | 'deny' = 'approve',
  at: MockAt = served,
  user = 'alice',
): Promise<URL> {
  const authorization = `${at.issuer}${at.endpoints?.authorization ?? '/authorize'}`;
  const url = new URL(authorization);
  for (const [name, value] of Object.entries(params)) url.searchParams.append(name, value);
  if (/^(id_token )?token$/.test(params['response_type'] ?? '')) return authorizeInFrame(url, decision);
  const page = await at.fetch(url);
  const interaction = /name="interaction" value="([^"]+)"/.exec(await page.text())?.[1];
  if (!interaction) return new URL(page.url);
  const response = await at.fetch(`${authorization}/decision`, {
    method: 'POST',
    body: new URLSearchParams({ interaction, decision, user }),
  });
  return new URL(response.url);
}

/** The parameters of a code + PKCE authorization request to {@link callback}, with `state=st` and `nonce=nc` unless `params` say otherwise. */
export async function codeRequest(
  clientId: string,
  verifier: string,
  params: Record<string, string> = {},
): Promise<Record<string, string>> {
  return {
    response_type: 'code',
    client_id: clientId,
    redirect_uri: callback,
    scope: 'openid profile',
    state: 'st',
    nonce: 'nc',
    code_challenge: await challengeOf(verifier),
    code_challenge_method: 'S256',
    ...params,
  };
}

/** Runs a {@link codeRequest} authorization, approved as `user`. */
export async function codeFlow(
  clientId: string,
  params: Record<string, string> = {},
  at: MockAt = served,
  user = 'alice',
): Promise<{ code: string; verifier: string; url: URL }> {
  const verifier = createVerifier();
  const url = await authorize(await codeRequest(clientId, verifier, params), 'approve', at, user);
  return { code: url.searchParams.get('code') ?? '', verifier, url };
}

/** Exchanges a code of {@link codeFlow} for tokens, as a public client. */
export function exchange(
  clientId: string,
  code: string,
  verifier: string,
  at: MockAt = served,
  headers: Record<string, string> = {},
): Promise<Response> {
  return tokenRequest(
    { grant_type: 'authorization_code', client_id: clientId, code, code_verifier: verifier, redirect_uri: callback },
    at,
    headers,
  );
}

/** Asks the introspection endpoint (RFC 7662) about a token: a public client by its id, a confidential one by client_secret_post or _basic. */
export async function introspect(
  token: string,
  client: { client_id: string; client_secret?: string | undefined },
  method: 'client_secret_post' | 'client_secret_basic' = 'client_secret_post',
): Promise<Record<string, unknown> & { active: boolean }> {
  const form = new URLSearchParams({ token });
  const headers: Record<string, string> = {};
  if (method === 'client_secret_basic' && client.client_secret !== undefined) {
    headers['authorization'] =
      `Basic ${btoa(`${encodeURIComponent(client.client_id)}:${encodeURIComponent(client.client_secret)}`)}`;
  } else {
    form.set('client_id', client.client_id);
    if (client.client_secret !== undefined) form.set('client_secret', client.client_secret);
  }
  const response = await fetch(`${issuer}/introspect`, { method: 'POST', headers, body: form });
  if (!response.ok) throw new Error(`introspection failed with ${response.status}`);
  return response.json();
}

/** The status the userinfo endpoint answers an access token with. */
export async function userinfoStatus(accessToken: string): Promise<number> {
  return (await fetch(`${issuer}/userinfo`, { headers: { authorization: `Bearer ${accessToken}` } })).status;
}

/** Posts a form to the mock provider's token endpoint. */
export function tokenRequest(
  params: Record<string, string>,
  at: MockAt = served,
  headers: Record<string, string> = {},
): Promise<Response> {
  return at.fetch(`${at.issuer}${at.endpoints?.token ?? '/token'}`, {
    method: 'POST',
    body: new URLSearchParams(params),
    headers,
  });
}

/**
 * Runs an authorization in a frame, deciding on the consent page as alice, so that a redirect's
 * fragment (the implicit flow's answer, which `fetch` drops) can be read: the URL the frame ends on.
 */
async function authorizeInFrame(url: URL, decision: 'approve' | 'deny'): Promise<URL> {
  const frame = document.createElement('iframe');
  document.body.append(frame);
  const settled = (): Location | undefined => {
    const where = frame.contentWindow?.location;
    return where && where.href !== 'about:blank' && frame.contentDocument?.readyState === 'complete'
      ? where
      : undefined;
  };
  try {
    frame.src = url.href;
    const first = await waitFor(settled, 'the authorization page');
    const doc = frame.contentDocument;
    const page = doc?.querySelector<HTMLFormElement>('form');
    const interaction = page?.querySelector<HTMLInputElement>('input[name="interaction"]')?.value;
    if (!doc || !page || !interaction || !first.pathname.startsWith('/mock/')) return new URL(first.href);
    const form = doc.createElement('form');
    form.method = 'post';
    form.action = page.action;
    for (const [name, value] of Object.entries({ interaction, decision, user: 'alice' })) {
      form.append(Object.assign(doc.createElement('input'), { type: 'hidden', name, value }));
    }
    doc.body.append(form);
    form.submit();
    return new URL((await waitFor(() => !settled()?.pathname.startsWith('/mock/') && settled(), 'the callback')).href);
  } finally {
    frame.remove();
  }
}

/** Sends a command to the mock provider's control endpoint. */
export async function control(command: Record<string, unknown>): Promise<void> {
  const response = await fetch('/mock/__control', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(command),
  });
  if (!response.ok) throw new Error(`control command failed with ${response.status}`);
}

/** The requests the mock provider logged for a client. */
export async function requestsOf(
  clientId: string,
): Promise<{ at: number; path: string; grantType?: string; status: number }[]> {
  return (await (await fetch(`/mock/__control?client_id=${encodeURIComponent(clientId)}`)).json()).requests;
}

/** The body of a successful token response, which must be a 200 marked `Cache-Control: no-store` (RFC 6749 §5.1). */
export async function tokenBody(response: Response): Promise<Record<string, unknown> & { access_token: string }> {
  if (response.status !== 200) throw new Error(`the token response is a ${response.status}`);
  if (response.headers.get('cache-control') !== 'no-store')
    throw new Error('the token response is not marked no-store');
  return response.json();
}
