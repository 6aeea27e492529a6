import { profileOf } from '../core/config.js';
import { send, timeoutSignal } from '../core/provider/http.js';
import type { ProfileId, ProviderProfile } from '../core/profiles/index.js';
import { clientAuthentication, required, type ClientAuthMethod } from './client-authentication.js';

/** Options of {@link codeExchangeHandler}. */
export interface CodeExchangeOptions {
  /** The provider's profile: its token path, extra token parameters and whether it takes `grant_type` and PKCE. */
  profile?: ProfileId | ProviderProfile;
  /** With a profile, the provider's base URL: the token endpoint is the profile's path below it. */
  issuer?: string;
  /** The provider's token endpoint, absolute; overrides the profile's. */
  tokenEndpoint?: string;
  clientId: string;
  clientSecret: string;
  /** The one redirect URI the browser may name; any is relayed unless set. */
  redirectUri?: string;
  /** The origins of the pages that may post here; every other request is refused (CSRF). */
  allowedOrigins: string[];
  /** `client_secret_post` (the seeds' way) unless set. */
  authMethod?: ClientAuthMethod;
  /** How long the provider may take, in milliseconds; 30 s unless set. */
  requestTimeout?: number;
}

/** A fetch-style route handler. */
export type FetchHandler = (request: Request) => Promise<Response>;

const noStore = { 'cache-control': 'no-store', pragma: 'no-cache' };
const relayedHeaders = ['content-type', 'retry-after', 'www-authenticate'];

function refusal(status: number, error: string, description: string, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ error, error_description: description }), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...noStore, ...headers },
  });
}

function tokenEndpointOf(options: CodeExchangeOptions, profile: ProviderProfile | undefined): string {
  if (options.tokenEndpoint) return new URL(options.tokenEndpoint).href;
  const path = profile?.endpoints?.token;
  if (!options.issuer || !path) throw new TypeError('give tokenEndpoint, or a profile with a token path and its issuer');
  return new URL(/^https?:/.test(path) ? path : `${options.issuer.replace(/\/$/, '')}${path}`).href;
}

/**
 * The app's backend token endpoint for a browser client whose provider needs a client secret: the
 * browser posts its grant here as it would to a token endpoint (form-encoded `authorization_code`
 * with `code`, `redirect_uri`, `client_id` and, for a PKCE provider, `code_verifier`; or
 * `refresh_token`); the handler adds the secret and the profile's extra parameters (gearcode's
 * `resource_id`, no `grant_type` for phpapi) and relays the provider's answer. Requests from other
 * origins, other methods and bodies without a code or refresh token are refused.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.3
 * @see https://datatracker.ietf.org/doc/html/draft-ietf-oauth-browser-based-apps#section-6.2
 */
export function codeExchangeHandler(options: CodeExchangeOptions): FetchHandler {
  required(options, 'clientId', 'clientSecret');
  if (!Array.isArray(options.allowedOrigins) || options.allowedOrigins.length === 0) throw new TypeError('allowedOrigins names the origins of the app');
  const profile = options.profile === undefined ? undefined : profileOf(options.profile);
  const tokenEndpoint = tokenEndpointOf(options, profile);
  const origins = new Set(options.allowedOrigins.map((origin) => new URL(origin).origin));

  return async (request) => {
    const origin = request.headers.get('origin');
    const cors: Record<string, string> = origin !== null && origins.has(origin) ? { 'access-control-allow-origin': origin, vary: 'origin' } : { vary: 'origin' };
    if (request.method !== 'POST' && request.method !== 'OPTIONS') return refusal(405, 'invalid_request', 'use POST', { allow: 'POST', ...cors });
    // A form post is a simple request any site can send; only the Origin tells the app's pages from others.
    if (!cors['access-control-allow-origin']) return refusal(403, 'invalid_request', origin ? `requests from ${origin} are not allowed` : 'the request has no Origin');
    if (request.method === 'OPTIONS') {
      return new Response(null, { status: 204, headers: { ...cors, 'access-control-allow-methods': 'POST', 'access-control-allow-headers': 'content-type' } });
    }
    if (!request.headers.get('content-type')?.startsWith('application/x-www-form-urlencoded')) {
      return refusal(400, 'invalid_request', 'send an application/x-www-form-urlencoded body', cors);
    }
    const form = new URLSearchParams(await request.text());
    if ([...new Set(form.keys())].some((name) => form.getAll(name).length > 1)) return refusal(400, 'invalid_request', 'a parameter is repeated', cors);
    const clientId = form.get('client_id');
    if (clientId !== null && clientId !== options.clientId) return refusal(400, 'invalid_client', 'this route serves another client', cors);
    const grant = form.get('grant_type') ?? 'authorization_code';
    const params: Record<string, string> = {};
    if (grant === 'authorization_code') {
      const code = form.get('code');
      if (!code) return refusal(400, 'invalid_request', 'code is required', cors);
      const redirectUri = form.get('redirect_uri') ?? options.redirectUri;
      if (options.redirectUri !== undefined && redirectUri !== options.redirectUri) return refusal(400, 'invalid_grant', 'redirect_uri is not the registered one', cors);
      params['code'] = code;
      if (redirectUri) params['redirect_uri'] = redirectUri;
      const verifier = form.get('code_verifier');
      if (verifier && (profile?.pkce ?? true)) params['code_verifier'] = verifier;
    } else if (grant === 'refresh_token' && (profile?.refresh ?? true)) {
      const refreshToken = form.get('refresh_token');
      if (!refreshToken) return refusal(400, 'invalid_request', 'refresh_token is required', cors);
      params['refresh_token'] = refreshToken;
    } else {
      return refusal(400, 'unsupported_grant_type', `grant_type ${grant} is not relayed`, cors);
    }
    const { form: credentials, headers } = clientAuthentication(options.clientId, options.clientSecret, options.authMethod);
    const body = new URLSearchParams({
      ...((profile?.grantTypeParam ?? true) ? { grant_type: grant } : {}),
      ...params,
      client_id: options.clientId,
      ...credentials,
      ...profile?.tokenParams?.(options.clientId),
    });
    let answer: Response;
    try {
      answer = await send(tokenEndpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', ...headers },
        body,
        signal: timeoutSignal(options.requestTimeout ?? 30_000),
      });
    } catch {
      return refusal(502, 'temporarily_unavailable', 'the provider did not answer', cors);
    }
    const relayed: Record<string, string> = { ...noStore, ...cors };
    for (const name of relayedHeaders) {
      const value = answer.headers.get(name);
      if (value !== null) relayed[name] = value;
    }
    return new Response(await answer.arrayBuffer(), { status: answer.status, headers: relayed });
  };
}
