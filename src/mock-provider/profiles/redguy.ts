import { decodeJwt } from 'jose';
import { redguy } from '../../core/profiles/index.js';
import { authorize, decide } from '../authorize.js';
import type { EndpointContext } from '../context.js';
import { randomId } from '../ids.js';
import { md5 } from '../md5.js';
import { createClientRecord } from '../registration.js';
import { protectedResource } from '../resource-endpoints.js';
import { json, noStore } from '../responses.js';
import { activeClient } from '../state.js';
import { token } from '../token-endpoint.js';
import { issueTokens } from '../issue-tokens.js';
import type { MockProfile } from './mock-profile.js';

/** How far an application-token request's `ts` may be from the provider's clock, in seconds. */
const timestampSkew = 300;

/** The mock's non-zero envelope codes; the seed names only `0` ("OK"). */
export const redguyCodes = {
  badRequest: 100,
  unknownApp: 101,
  badSecret: 102,
  staleTimestamp: 103,
  badScope: 104,
  badToken: 110,
  noScope: 111,
} as const;

/** redguy's `{code, comment, response}` envelope. */
function envelope(code: number, comment: string, response: unknown = null, status = 200): Response {
  return json({ code, comment, response }, status, noStore);
}

/**
 * The application-token flow: a server signs `{app, secret: md5(client_secret + ts), ts, scope, name}`
 * and gets `{id, token}`; a wrong md5, a `ts` more than five minutes off or an unknown app get a non-zero code.
 * @see https://www.rfc-editor.org/rfc/rfc1321
 */
async function issueApplicationToken(ctx: EndpointContext, request: Request): Promise<Response> {
  let body: Record<string, unknown>;
  try {
    body = (await request.json()) as Record<string, unknown>;
  } catch {
    return envelope(redguyCodes.badRequest, 'send a JSON body', null, 400);
  }
  const text = (value: unknown): string | undefined =>
    typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
  const [app, secret, ts, name] = [
    text(body?.['app']),
    text(body?.['secret']),
    text(body?.['ts']),
    text(body?.['name']),
  ];
  const scope = text(body?.['scope']) ?? '';
  if (!app || !secret || !ts || !/^\d+$/.test(ts) || !name)
    return envelope(redguyCodes.badRequest, 'app, secret, ts and name are required', null, 400);
  const client = activeClient(ctx.state, app);
  if (!client?.client_secret) return envelope(redguyCodes.unknownApp, 'unknown application', null, 401);
  if (Math.abs(Number(ts) - ctx.now() / 1000) > timestampSkew)
    return envelope(redguyCodes.staleTimestamp, 'ts is more than five minutes off', null, 401);
  if (secret.toLowerCase() !== md5(client.client_secret + ts))
    return envelope(redguyCodes.badSecret, 'secret is not md5(application secret + ts)', null, 401);
  const allowed = client.scope.split(' ');
  if (
    !scope
      .split(' ')
      .filter(Boolean)
      .every((item) => allowed.includes(item))
  )
    return envelope(redguyCodes.badScope, 'a scope is not allowed', null, 400);
  const grant = {
    clientId: client.client_id,
    sub: client.client_id,
    scope,
    authTime: Math.floor(ctx.now() / 1000),
    family: randomId(12),
  };
  const issued = await issueTokens(ctx, client, grant, { idToken: false, refresh: false });
  const accessToken = String(issued['access_token']);
  return envelope(0, 'OK', { id: decodeJwt(accessToken).jti, token: accessToken });
}

/**
 * redguy (seed 000), at `/mock/redguy`: implicit (`response_type=token`, the token in the fragment
 * with `token_type=bearer`) and code at `/oauth/authorize`; a confidential code exchange at
 * `/v1/auth/oauth/code` (client_secret, redirect_uri); the user at `/v1/users/get` in the
 * `{code, comment, response}` envelope; numeric scopes, `1` identifies and `2` releases the email;
 * the application-token flow at `POST /v1/token/issue`. Redirect URIs match exactly, as the seed's
 * "set via support request" implies; no PKCE and no `iss`, which the seed does not know.
 */
export const redguyProfile: MockProfile = {
  profile: redguy,
  routes: {
    'GET /oauth/authorize': authorize,
    'POST /oauth/authorize/decision': decide,
    'POST /v1/auth/oauth/code': token,
    'GET /v1/users/get': protectedResource(
      (_ctx, record, user) => {
        const scopes = record.scope.split(' ');
        const name = scopes.includes('1') ? { name: user?.name ?? record.sub } : {};
        return envelope(0, 'OK', { id: record.sub, ...name, ...(scopes.includes('2') ? { email: user?.email } : {}) });
      },
      {
        // Seed 000: `1` identifies the user, `2` releases the email; either reads this endpoint.
        scope: ['1', '2'],
        refuse: (_ctx, error, description, status) =>
          envelope(
            error === 'insufficient_scope' ? redguyCodes.noScope : redguyCodes.badToken,
            description,
            null,
            status,
          ),
      },
    ),
    'POST /v1/token/issue': issueApplicationToken,
  },
  settings: {
    createClient: (metadata, now) => createClientRecord({ scope: '1 2', ...metadata }, now),
    defaultScope: '1',
    scopes: [
      { id: '1', name: 'Identify user', description: 'Let {client_name} know that you are {user}', icon: 'person' },
      { id: '2', name: 'Email address', description: 'Let {client_name} read your email address', icon: 'envelope' },
    ],
    tokenType: 'bearer',
  },
};
