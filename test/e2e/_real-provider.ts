// panva's oidc-provider, a certified OpenID provider we did not write, mounted in the test runner at /op/ and set up
// as production providers are: an issuer with a trailing slash (Auth0's shape), signing keys of its own, rotating
// refresh tokens with reuse detection, RFC 9207 `iss`, PAR, DPoP, RP-Initiated Logout, and CORS for the app's origin only.
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { calculateJwkThumbprint, decodeProtectedHeader, jwtVerify, type JWK } from 'jose';
// @ts-expect-error oidc-provider ships no types
import Provider from 'oidc-provider';

/** The client the kit signs in with: public, PKCE, refresh tokens. */
export const realProviderClientId = 'kit';

/** What the tests count, per account: refresh grants, and refresh tokens presented again after rotation. */
interface Counts {
  refreshes: number;
  reuses: number;
}

/** Stored artefacts by model name, kept in memory as oidc-provider's adapter interface asks. */
const stores = new Map<string, Map<string, { payload: Record<string, unknown>; expiresAt: number }>>();

/** oidc-provider's storage, in memory; the tests can drop every browser session (`/op-control?forget`). */
class MemoryAdapter {
  readonly #store: Map<string, { payload: Record<string, unknown>; expiresAt: number }>;
  constructor(name: string) {
    this.#store = stores.get(name) ?? stores.set(name, new Map()).get(name)!;
  }
  async upsert(id: string, payload: Record<string, unknown>, expiresIn: number): Promise<void> {
    this.#store.set(id, { payload, expiresAt: Date.now() + expiresIn * 1000 });
  }
  async find(id: string): Promise<Record<string, unknown> | undefined> {
    const entry = this.#store.get(id);
    return entry && entry.expiresAt > Date.now() ? entry.payload : undefined;
  }
  async findByUid(uid: string): Promise<Record<string, unknown> | undefined> {
    return [...this.#store.values()].find((entry) => entry.payload['uid'] === uid && entry.expiresAt > Date.now())
      ?.payload;
  }
  async findByUserCode(): Promise<undefined> {
    return undefined;
  }
  async consume(id: string): Promise<void> {
    const entry = this.#store.get(id);
    if (entry) entry.payload['consumed'] = Math.floor(Date.now() / 1000);
  }
  async destroy(id: string): Promise<void> {
    this.#store.delete(id);
  }
  async revokeByGrantId(grantId: string): Promise<void> {
    for (const [id, entry] of this.#store) if (entry.payload['grantId'] === grantId) this.#store.delete(id);
  }
}

/** HTML-escapes a string for the interaction pages. */
const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const page = (title: string, body: string): string =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title></head><body><h1>${escape(title)}</h1>${body}</body></html>`;

async function formOf(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

/**
 * Makes the provider for the test runner at `origin`, with a middleware that serves `/op/*`: the provider, its
 * login and consent pages (no devInteractions), `/op-resource` (a resource server that checks DPoP binding) and
 * `/op-control` (the counts its events kept).
 */
export function realProvider(origin: string) {
  // RFC 7517 keys of its own, made at start-up: RS256 for id_tokens (the default every RP must accept), and ES256.
  const keys = [
    {
      ...(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }) as JWK),
      kid: 'rs',
      use: 'sig',
      alg: 'RS256',
    },
    {
      ...(generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' }) as JWK),
      kid: 'es',
      use: 'sig',
      alg: 'ES256',
    },
  ];
  const app = `${origin}/test/e2e/_app.html`;
  const provider = new Provider(`${origin}/op/`, {
    clients: [
      {
        client_id: realProviderClientId,
        application_type: 'web',
        token_endpoint_auth_method: 'none',
        redirect_uris: [app],
        post_logout_redirect_uris: [app],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
      },
    ],
    jwks: { keys },
    adapter: MemoryAdapter,
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    // Only the app's origin may call the token, userinfo and revocation endpoints from a browser.
    clientBasedCORS: (_ctx: unknown, requestOrigin: string) => requestOrigin === origin,
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      revocation: {
        enabled: true,
        allowedPolicy: async (_ctx: unknown, client: { clientId: string }, token: { clientId?: string }) =>
          token.clientId === client.clientId,
      },
      introspection: { enabled: false },
      pushedAuthorizationRequests: { enabled: true },
      dPoP: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx: { body: string }, form: string) => {
          ctx.body = page(
            'Sign out',
            `${form}<button type="submit" form="op.logoutForm" name="logout" value="yes">Sign out</button>`,
          );
        },
        postLogoutSuccessSource: async (ctx: { body: string }) => {
          ctx.body = page('Signed out', '<p>You are signed out.</p>');
        },
      },
    },
    // Refresh tokens for any client allowed the grant (without offline_access and prompt=consent), rotated at every use.
    issueRefreshToken: async (_ctx: unknown, client: { grantTypeAllowed: (grant: string) => boolean }) =>
      client.grantTypeAllowed('refresh_token'),
    rotateRefreshToken: true,
    ttl: {
      AccessToken: 3600,
      IdToken: 3600,
      RefreshToken: 86_400,
      Interaction: 600,
      Session: 86_400,
      Grant: 86_400,
      AuthorizationCode: 60,
    },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/op/interaction/${interaction.uid}` },
    renderError: async (ctx: { type: string; body: string }, out: Record<string, string>) => {
      ctx.type = 'html';
      ctx.body = page('Error', `<pre>${escape(JSON.stringify(out))}</pre>`);
    },
    claims: { openid: ['sub'], profile: ['name'], email: ['email', 'email_verified'] },
    findAccount: async (_ctx: unknown, sub: string) => ({
      accountId: sub,
      claims: async () => ({ sub, name: `Real ${sub}`, email: `${sub}@op.example`, email_verified: true }),
    }),
  });
  provider.proxy = true;

  const counts = new Map<string, Counts>();
  const countOf = (account: string): Counts =>
    counts.get(account) ?? counts.set(account, { refreshes: 0, reuses: 0 }).get(account)!;
  provider.on(
    'grant.success',
    (ctx: { oidc: { params: { grant_type?: string }; entities: { Account?: { accountId: string } } } }) => {
      const account = ctx.oidc.entities.Account?.accountId;
      if (account && ctx.oidc.params.grant_type === 'refresh_token') countOf(account).refreshes += 1;
    },
  );
  provider.on(
    'grant.error',
    (ctx: { oidc: { entities: { Account?: { accountId: string } } } }, error: { error_detail?: string }) => {
      const account = ctx.oidc.entities.Account?.accountId;
      if (account && error.error_detail === 'refresh token already used') countOf(account).reuses += 1;
    },
  );

  /** The login page, then the consent page, for one interaction. */
  async function interaction(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const details = await provider.interactionDetails(req, res);
    const action = `/op/interaction/${details.uid}`;
    if (req.method === 'GET') {
      const body =
        details.prompt.name === 'login'
          ? `<form method="post" action="${action}"><input name="login" autocomplete="username"><input name="password" type="password"><button>Sign in</button></form>`
          : `<p>${escape(details.params.client_id)} asks for ${escape(details.params.scope ?? '')}</p><form method="post" action="${action}"><input type="hidden" name="consent" value="yes"><button>Allow</button></form>`;
      return send(
        res,
        200,
        'text/html; charset=utf-8',
        page(details.prompt.name === 'login' ? 'Sign in' : 'Allow access', body),
      );
    }
    const form = await formOf(req);
    if (details.prompt.name === 'login') {
      const login = form.get('login') ?? '';
      if (!/^\w+$/.test(login)) return send(res, 400, 'text/plain', 'a login is letters and digits');
      return provider.interactionFinished(
        req,
        res,
        { login: { accountId: login } },
        { mergeWithLastSubmission: false },
      );
    }
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId: details.session.accountId, clientId: details.params.client_id });
    const missing = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    return provider.interactionFinished(
      req,
      res,
      { consent: { grantId: await grant.save() } },
      { mergeWithLastSubmission: true },
    );
  }

  /**
   * A resource server: a DPoP-bound access token and a proof for this request (RFC 9449 §7.1), whose key is the one
   * the token is bound to (`cnf.jkt`, RFC 9449 §6); answers who the token is for.
   */
  async function resource(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const cors = {
      'access-control-allow-origin': origin,
      'access-control-allow-headers': 'authorization, dpop',
      'access-control-expose-headers': 'www-authenticate',
    };
    const refuse = (error: string, description: string) => {
      res.writeHead(401, {
        ...cors,
        'content-type': 'application/json',
        'www-authenticate': `DPoP error="${error}", algs="ES256 RS256"`,
      });
      res.end(JSON.stringify({ error, error_description: description }));
    };
    if (req.method === 'OPTIONS')
      return void res.writeHead(204, { ...cors, 'access-control-allow-methods': 'GET' }).end();
    const token = /^DPoP (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
    const proof = req.headers.dpop;
    if (!token || typeof proof !== 'string')
      return refuse('invalid_token', 'a DPoP-bound token and a DPoP proof are required');
    const stored = await provider.AccessToken.find(token);
    if (!stored?.jkt) return refuse('invalid_token', 'the token is unknown, expired or not DPoP-bound');
    try {
      const { jwk } = decodeProtectedHeader(proof);
      if (!jwk) throw new Error('the proof has no jwk');
      const { payload } = await jwtVerify(proof, jwk as JWK, {
        typ: 'dpop+jwt',
        maxTokenAge: 60,
        algorithms: ['ES256', 'RS256', 'PS256', 'EdDSA'],
      });
      if (payload['htm'] !== req.method || payload['htu'] !== `${origin}${req.url?.split('?')[0]}`)
        throw new Error('the proof is for another request');
      if (payload['ath'] !== createHash('sha256').update(token).digest('base64url'))
        throw new Error('the proof is for another token');
      if ((await calculateJwkThumbprint(jwk as JWK)) !== stored.jkt)
        throw new Error('the proof’s key is not the token’s');
    } catch (error) {
      return refuse('invalid_dpop_proof', (error as Error).message);
    }
    res.writeHead(200, { ...cors, 'content-type': 'application/json' });
    res.end(JSON.stringify({ sub: stored.accountId, jkt: stored.jkt }));
  }

  const callback = provider.callback();
  return async (
    ctx: { req: IncomingMessage; res: ServerResponse; respond?: boolean },
    next: () => Promise<unknown>,
  ) => {
    const url = ctx.req.url ?? '';
    const own = url.startsWith('/op/interaction/')
      ? interaction
      : url.startsWith('/op-resource')
        ? resource
        : undefined;
    if (url.startsWith('/op-control')) {
      ctx.respond = false;
      // ?forget: every browser session at the provider ends, so that the next sign-in shows the login page.
      const query = new URL(url, origin).searchParams;
      if (query.has('forget')) stores.get('Session')?.clear();
      return send(ctx.res, 200, 'application/json', JSON.stringify(countOf(query.get('account') ?? '')));
    }
    if (url.startsWith('/op-liar/.well-known/openid-configuration')) {
      // A discovery document that names another issuer than the one it is published for.
      ctx.respond = false;
      return send(
        ctx.res,
        200,
        'application/json',
        JSON.stringify({
          issuer: `${origin}/op/`,
          authorization_endpoint: `${origin}/op/auth`,
          token_endpoint: `${origin}/op/token`,
        }),
      );
    }
    if (own) {
      ctx.respond = false;
      return own(ctx.req, ctx.res).catch((error: Error) => send(ctx.res, 500, 'text/plain', error.message));
    }
    if (!url.startsWith('/op/')) return next();
    ctx.respond = false;
    // Mounted as Express mounts it: oidc-provider reads the prefix from baseUrl/originalUrl.
    Object.assign(ctx.req, { originalUrl: url, baseUrl: '/op' });
    ctx.req.url = url.slice('/op'.length);
    await new Promise<void>((resolve) => {
      ctx.res.once('finish', resolve);
      ctx.res.once('close', resolve);
      callback(ctx.req, ctx.res);
    });
    return undefined;
  };
}
