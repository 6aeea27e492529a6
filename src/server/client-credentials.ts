import { timeoutSignal } from '../core/provider/http.js';
import { requestToken } from '../core/provider/token-endpoint.js';
import type { TokenResponse } from '../core/provider/token-response.js';
import { clientAuthentication, type ClientAuthMethod } from './client-authentication.js';
import { required, urlOption } from './options.js';

/** Options of {@link clientCredentials}. */
export interface ClientCredentialsOptions {
  /** The provider's token endpoint, absolute. */
  tokenEndpoint: string;
  clientId: string;
  clientSecret: string;
  scope?: string;
  /** `client_secret_post` (the seeds' way) unless set. */
  authMethod?: ClientAuthMethod;
  /** Seconds before expiry at which a new token is fetched; 60 unless set. */
  renewBefore?: number;
  /** How long a token request may take, in milliseconds; 30 s unless set. */
  requestTimeout?: number;
}

/** A client credentials grant with its token cached. */
export interface ClientCredentials {
  /** A valid access token: the cached one, or a new one when it is about to expire (one request for concurrent callers). */
  getAccessToken(): Promise<string>;
  /** The token response behind {@link ClientCredentials.getAccessToken}. */
  getToken(): Promise<TokenResponse>;
  /** Forgets the cached token, as after the API refused it (a disabled client's tokens die early). */
  invalidate(): void;
}

/**
 * The client credentials grant for a server: the app's own token, cached until shortly before it
 * expires. A refusal is an `OAuthError` (`provider_error`) with the provider's `error` and
 * `error_description`.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.4
 */
export function clientCredentials(options: ClientCredentialsOptions): ClientCredentials {
  required(options, 'tokenEndpoint', 'clientId', 'clientSecret');
  const tokenEndpoint = urlOption(options.tokenEndpoint, 'tokenEndpoint').href;
  const renewBefore = (options.renewBefore ?? 60) * 1000;
  let cached: { response: TokenResponse; expiresAt: number } | undefined;
  let pending: Promise<TokenResponse> | undefined;

  const fetchToken = async (): Promise<TokenResponse> => {
    const { form, headers } = clientAuthentication(options.clientId, options.clientSecret, options.authMethod);
    const params = { grant_type: 'client_credentials', ...(options.scope ? { scope: options.scope } : {}), ...form };
    const startedAt = Date.now();
    const response = await requestToken(
      tokenEndpoint,
      params,
      timeoutSignal(options.requestTimeout ?? 30_000),
      undefined,
      headers,
    );
    // Counted from when the request left, so a slow answer never makes the token look younger than it is.
    cached = {
      response,
      expiresAt: response.expires_in === undefined ? Infinity : startedAt + response.expires_in * 1000,
    };
    return response;
  };

  const getToken = (): Promise<TokenResponse> => {
    if (cached && Date.now() < cached.expiresAt - renewBefore) return Promise.resolve(cached.response);
    pending ??= fetchToken().finally(() => {
      pending = undefined;
    });
    return pending;
  };

  return {
    getToken,
    getAccessToken: async () => (await getToken()).access_token,
    invalidate: () => {
      cached = undefined;
    },
  };
}
