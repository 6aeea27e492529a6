import { send, timeoutSignal } from '../core/provider/http.js';
import type { ProviderProfile } from '../core/profiles/index.js';
import { clientAuthentication, type ClientAuthMethod } from './client-authentication.js';
import { forwardedProof, type ForwardedProof } from './dpop-forward.js';
import { newSessionId, sessionKey, type SessionCookie } from './session-cookie.js';
import type { BackendSession, SessionStore } from './session-store.js';

/** What the route's actions need: the resolved options, the store and the cookie. */
export interface Mediation {
  profile: ProviderProfile | undefined;
  tokenEndpoint: string;
  revocationEndpoint: string | undefined;
  clientId: string;
  clientSecret: string;
  redirectUri?: string;
  authMethod?: ClientAuthMethod;
  requestTimeout?: number;
  store: SessionStore;
  cookie: SessionCookie;
  sessionLifetime: number;
  signInLifetime: number;
  /** One refresh at a time per session: a second request while one runs gets its answer. */
  inflight: Map<string, Promise<Answer>>;
}

/** A response to build, possibly more than once (refreshes that share one provider round trip). */
interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string | null;
}

/** One request to the route, its session looked up by its cookie. */
interface Call {
  request: Request;
  form: URLSearchParams;
  key: string | undefined;
  session: BackendSession | undefined;
  cors: Record<string, string>;
}

const noStore = { 'cache-control': 'no-store', pragma: 'no-cache' };
const relayedHeaders = ['content-type', 'retry-after', 'www-authenticate', 'dpop-nonce'];
const maxPending = 8;
const statePattern = /^[A-Za-z0-9\-._~]{16,256}$/;

/** An error response in the token endpoint's shape. @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2 */
export function refusal(
  status: number,
  error: string,
  description: string,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify({ error, error_description: description }), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...noStore, ...headers },
  });
}

const notTokens = (cors: Record<string, string>): Response =>
  refusal(502, 'temporarily_unavailable', 'the provider answered no token response', cors);

const responseOf = (answer: Answer, cors: Record<string, string>): Response =>
  new Response(answer.body, { status: answer.status, headers: { ...noStore, ...answer.headers, ...cors } });

/**
 * Serves one checked form: a sign-in's start, a code exchange, a refresh or a logout, each tied to
 * the browser's session cookie.
 * @see https://datatracker.ietf.org/doc/html/draft-ietf-oauth-browser-based-apps#section-6.2.2
 */
export async function mediateTokens(
  ctx: Mediation,
  request: Request,
  form: URLSearchParams,
  cors: Record<string, string>,
): Promise<Response> {
  const id = ctx.cookie.read(request);
  const key = id === undefined ? undefined : await sessionKey(id);
  const session = key === undefined ? undefined : await ctx.store.get(key);
  const action = form.get('action');
  if (action === 'start') return start(ctx, form, key, session, cors);
  if (action === 'logout') return logout(ctx, key, session, cors);
  if (action !== null) return refusal(400, 'invalid_request', `action ${action} is unknown`, cors);
  const grant = form.get('grant_type') ?? 'authorization_code';
  const call: Call = { request, form, key, session, cors };
  if (grant === 'authorization_code') return exchange(ctx, call);
  if (grant === 'refresh_token' && (ctx.profile?.refresh ?? true)) return refresh(ctx, call);
  return refusal(400, 'unsupported_grant_type', `grant_type ${grant} is not relayed`, cors);
}

/** Notes a sign-in this browser starts, setting the session cookie if it has none. */
async function start(
  ctx: Mediation,
  form: URLSearchParams,
  key: string | undefined,
  session: BackendSession | undefined,
  cors: Record<string, string>,
): Promise<Response> {
  const state = form.get('state');
  if (!state || !statePattern.test(state))
    return refusal(400, 'invalid_request', 'state is required: 16 to 256 unreserved characters', cors);
  const now = Date.now();
  const expiresAt = now + ctx.signInLifetime * 1000;
  const record: BackendSession = session ?? { pending: [], expiresAt };
  record.pending = [
    ...record.pending.filter((entry) => entry.expiresAt > now && entry.state !== state),
    { state, expiresAt },
  ].slice(-maxPending);
  record.expiresAt = Math.max(record.expiresAt, expiresAt);
  const headers: Record<string, string> = { ...noStore, ...cors };
  let storeKey = session ? key : undefined;
  if (storeKey === undefined) {
    const id = newSessionId();
    storeKey = await sessionKey(id);
    headers['set-cookie'] = ctx.cookie.set(id, ctx.signInLifetime);
  }
  await ctx.store.set(storeKey, record);
  return new Response(null, { status: 204, headers });
}

/** Redeems a code for the browser that started its sign-in; the refresh token stays here. */
async function exchange(ctx: Mediation, { request, form, key, session, cors }: Call): Promise<Response> {
  const code = form.get('code');
  if (!code) return refusal(400, 'invalid_request', 'code is required', cors);
  const redirectUri = form.get('redirect_uri') ?? ctx.redirectUri;
  if (ctx.redirectUri !== undefined && redirectUri !== ctx.redirectUri)
    return refusal(400, 'invalid_grant', 'redirect_uri is not the registered one', cors);
  const state = form.get('state');
  const now = Date.now();
  if (!key || !session || !state || !session.pending.some((entry) => entry.state === state && entry.expiresAt > now)) {
    return refusal(
      400,
      'invalid_grant',
      'the code answers no sign-in this browser started here (no session cookie, or another state)',
      cors,
    );
  }
  const proof = await forwardedProof(request, ctx.tokenEndpoint);
  if (typeof proof === 'string') return refusal(400, 'invalid_dpop_proof', proof, cors);
  const params: Record<string, string> = { code };
  if (redirectUri) params['redirect_uri'] = redirectUri;
  const verifier = form.get('code_verifier');
  if (verifier && (ctx.profile?.pkce ?? true)) params['code_verifier'] = verifier;
  const answer = await askProvider(ctx, 'authorization_code', params, proof);
  if (answer.status !== 200) return responseOf(answer, cors);
  const tokens = tokensOf(answer);
  if (!tokens) return notTokens(cors);
  // A new session id at sign-in (no fixation); the sign-ins still pending in other tabs move with it.
  const id = newSessionId();
  const refreshToken = tokens['refresh_token'];
  delete tokens['refresh_token'];
  const record: BackendSession = {
    pending: session.pending.filter((entry) => entry.state !== state && entry.expiresAt > now),
    expiresAt: now + ctx.sessionLifetime * 1000,
    ...(typeof refreshToken === 'string' ? { refreshToken } : {}),
    ...(proof ? { jkt: proof.jkt } : {}),
  };
  await ctx.store.set(await sessionKey(id), record);
  await ctx.store.delete(key);
  const headers = { ...answer.headers, 'set-cookie': ctx.cookie.set(id, ctx.sessionLifetime) };
  return responseOf({ ...answer, headers, body: JSON.stringify(tokens) }, cors);
}

/** Refreshes with the refresh token kept for the cookie's session; a refused one ends the session. */
async function refresh(ctx: Mediation, { request, form, key, session, cors }: Call): Promise<Response> {
  if (form.has('refresh_token'))
    return refusal(400, 'invalid_request', 'the refresh token stays on the backend: send none', cors);
  if (!key || !session?.refreshToken)
    return refusal(400, 'invalid_grant', 'this browser has no session with a refresh token here', cors);
  const proof = await forwardedProof(request, ctx.tokenEndpoint);
  if (typeof proof === 'string') return refusal(400, 'invalid_dpop_proof', proof, cors);
  // RFC 9449 §5: a confidential client's refresh token may be unbound; the session stays bound to its key.
  if (session.jkt !== undefined && proof?.jkt !== session.jkt)
    return refusal(400, 'invalid_dpop_proof', 'the session is bound to another DPoP key', cors);
  let running = ctx.inflight.get(key);
  if (!running) {
    running = refreshOnce(ctx, key, session, proof).finally(() => ctx.inflight.delete(key));
    ctx.inflight.set(key, running);
  }
  return responseOf(await running, cors);
}

async function refreshOnce(
  ctx: Mediation,
  key: string,
  session: BackendSession,
  proof: ForwardedProof | undefined,
): Promise<Answer> {
  const answer = await askProvider(ctx, 'refresh_token', { refresh_token: session.refreshToken ?? '' }, proof);
  const tokens = answer.status === 200 ? tokensOf(answer) : undefined;
  if (tokens) {
    const rotated = tokens['refresh_token'];
    delete tokens['refresh_token'];
    await ctx.store.set(key, { ...session, ...(typeof rotated === 'string' ? { refreshToken: rotated } : {}) });
    return { ...answer, body: JSON.stringify(tokens) };
  }
  if (answer.status === 200)
    return {
      status: 502,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({
        error: 'temporarily_unavailable',
        error_description: 'the provider answered no token response',
      }),
    };
  if (answer.status === 400 || answer.status === 401) {
    // The provider refused the refresh token (RFC 6749 §5.2): the session is over here too.
    await ctx.store.delete(key);
    return { ...answer, headers: { ...answer.headers, 'set-cookie': ctx.cookie.clear() } };
  }
  return answer;
}

/** Forgets the session and clears the cookie, revoking the refresh token first where the provider can. */
async function logout(
  ctx: Mediation,
  key: string | undefined,
  session: BackendSession | undefined,
  cors: Record<string, string>,
): Promise<Response> {
  if (key && session?.refreshToken && ctx.revocationEndpoint) {
    const { form, headers } = clientAuthentication(ctx.clientId, ctx.clientSecret, ctx.authMethod);
    // RFC 7009 §2.1: revoking the refresh token; a provider that fails here does not keep the user signed in.
    await send(ctx.revocationEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams({ token: session.refreshToken, token_type_hint: 'refresh_token', ...form }),
      signal: timeoutSignal(ctx.requestTimeout ?? 30_000),
    }).catch(() => undefined);
  }
  if (key) await ctx.store.delete(key);
  return new Response(null, { status: 204, headers: { ...noStore, ...cors, 'set-cookie': ctx.cookie.clear() } });
}

/** Posts a grant to the provider with the client's secret, the profile's extra parameters and the browser's DPoP proof. */
async function askProvider(
  ctx: Mediation,
  grant: string,
  params: Record<string, string>,
  proof: ForwardedProof | undefined,
): Promise<Answer> {
  const { form: credentials, headers } = clientAuthentication(ctx.clientId, ctx.clientSecret, ctx.authMethod);
  const body = new URLSearchParams({
    ...((ctx.profile?.grantTypeParam ?? true) ? { grant_type: grant } : {}),
    ...params,
    client_id: ctx.clientId,
    ...credentials,
    ...ctx.profile?.tokenParams?.(ctx.clientId),
  });
  let response: Response;
  try {
    response = await send(ctx.tokenEndpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
        ...headers,
        ...(proof ? { dpop: proof.proof } : {}),
      },
      body,
      signal: timeoutSignal(ctx.requestTimeout ?? 30_000),
    });
  } catch {
    return {
      status: 502,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ error: 'temporarily_unavailable', error_description: 'the provider did not answer' }),
    };
  }
  const relayed: Record<string, string> = {};
  for (const name of relayedHeaders) {
    const value = response.headers.get(name);
    if (value !== null) relayed[name] = value;
  }
  return { status: response.status, headers: relayed, body: await response.text() };
}

/** A successful answer's token response as an object, or `undefined` when it is none. */
function tokensOf(answer: Answer): Record<string, unknown> | undefined {
  try {
    const body: unknown = JSON.parse(answer.body ?? '');
    return body !== null && typeof body === 'object' && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
