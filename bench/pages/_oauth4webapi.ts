import * as oauth from 'oauth4webapi';
import { exposeBench } from './_bench.js';

// A minimal hand-written flow: discovery, code + PKCE by redirect, the exchange, the id_token claims.
// Renewal as one would write it by hand: each tab refreshing 2 s before expiry unless it finds a
// token another tab has already renewed. Where the tokens and the pending sign-in live is the page's.

/** The tokens a hand-written page keeps. */
export interface Tokens {
  access: string;
  refresh?: string | undefined;
  expiresAt: number;
}

/** A sign-in under way: what the callback needs. */
export interface Pending {
  verifier: string;
  nonce: string;
  state: string;
}

/** Where a hand-written page keeps its pending sign-in and its tokens. */
export interface HandStore {
  /** Called at the press, beside the PKCE challenge: anything to make ready before the page leaves. */
  prepare?(): Promise<void>;
  putPending(pending: Pending): Promise<void>;
  takePending(): Promise<Pending | undefined>;
  putTokens(tokens: Tokens): Promise<void>;
  tokens(): Promise<Tokens | undefined>;
  clear(): Promise<void>;
}

/** What a hand-written page may add to the plain flow. */
export interface Extras {
  /** Keeps the provider's metadata across the redirect, so that the callback need not fetch it again. */
  discovery?: { get(): oauth.AuthorizationServer | undefined; put(as: oauth.AuthorizationServer): void };
  /** Starts what the id_token's check needs as the code is redeemed; the check, beyond oauth4webapi's claim checks. */
  idTokenCheck?(as: oauth.AuthorizationServer): (idToken: string, clientId: string) => Promise<void>;
}

/** Runs the hand-written flow on this page with `store`, and what `extras` add. */
export function handWritten(store: HandStore, extras: Extras = {}): void {
  const { clientId } = JSON.parse(localStorage.getItem('bench') ?? '{}') as { clientId: string };
  const issuer = new URL(`${location.origin}/mock/oidc`);
  const client: oauth.Client = { client_id: clientId };
  const redirectUri = `${location.origin}${location.pathname}`;
  const options = { [oauth.allowInsecureRequests]: true };
  const server = async (): Promise<oauth.AuthorizationServer> => {
    const kept = extras.discovery?.get();
    if (kept) return kept;
    const as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, options));
    extras.discovery?.put(as);
    return as;
  };
  let tokens: Tokens | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function keep(response: oauth.TokenEndpointResponse): Promise<void> {
    tokens = {
      access: response.access_token,
      refresh: response.refresh_token,
      expiresAt: Date.now() + (response.expires_in ?? 3600) * 1000,
    };
    await store.putTokens(tokens);
    schedule();
  }

  function schedule(): void {
    clearTimeout(timer);
    if (!tokens?.refresh) return;
    timer = setTimeout(() => void renew(), Math.max(0, tokens.expiresAt - 2000 - Date.now()));
  }

  async function renew(): Promise<void> {
    const latest = await store.tokens();
    if (latest && latest.expiresAt - 2000 > Date.now()) {
      tokens = latest;
      return schedule();
    }
    if (!tokens?.refresh) return;
    const as = await server();
    const response = await oauth.refreshTokenGrantRequest(as, client, oauth.None(), tokens.refresh, options);
    await keep(await oauth.processRefreshTokenResponse(as, client, response));
  }

  exposeBench({
    start: () =>
      void (async () => {
        const pending = {
          verifier: oauth.generateRandomCodeVerifier(),
          nonce: oauth.generateRandomNonce(),
          state: oauth.generateRandomState(),
        };
        const [as, challenge] = await Promise.all([
          server(),
          oauth.calculatePKCECodeChallenge(pending.verifier),
          store.prepare?.(),
          store.putPending(pending),
        ]);
        const url = new URL(as.authorization_endpoint!);
        url.search = new URLSearchParams({
          client_id: clientId,
          redirect_uri: redirectUri,
          response_type: 'code',
          scope: 'openid profile',
          code_challenge: challenge,
          code_challenge_method: 'S256',
          nonce: pending.nonce,
          state: pending.state,
        }).toString();
        location.assign(url);
      })(),
    finish: async () => {
      if (!new URLSearchParams(location.search).has('code')) {
        tokens = await store.tokens();
        schedule();
        return tokens?.access ?? null;
      }
      const [as, pending] = await Promise.all([server(), store.takePending()]);
      if (!pending) throw new Error('no sign-in under way');
      // The same steps as the kit's marks, for the bench's step table.
      performance.mark('bench:transaction taken');
      const callback = oauth.validateAuthResponse(as, client, new URL(location.href), pending.state);
      const check = extras.idTokenCheck?.(as);
      performance.mark('bench:token request');
      const response = await oauth.authorizationCodeGrantRequest(
        as,
        client,
        oauth.None(),
        callback,
        redirectUri,
        pending.verifier,
        options,
      );
      const result = await oauth.processAuthorizationCodeResponse(as, client, response, {
        expectedNonce: pending.nonce,
        requireIdToken: true,
      });
      performance.mark('bench:token response');
      await check?.(result.id_token!, clientId);
      performance.mark('bench:id_token checked');
      await keep(result);
      performance.mark('bench:tokens stored');
      history.replaceState(null, '', location.pathname);
      return tokens?.access ?? null;
    },
    token: async () => tokens?.access ?? '',
    signOut: async () => {
      clearTimeout(timer);
      tokens = undefined;
      await store.clear();
    },
    changes: [],
  });
}
