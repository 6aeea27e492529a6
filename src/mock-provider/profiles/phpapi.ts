import { phpapi } from '../../core/profiles/index.js';
import { authorize, decide } from '../authorize.js';
import { createClientRecord } from '../registration.js';
import { protectedResource } from '../resource-endpoints.js';
import { token } from '../token-endpoint.js';
import type { MockProfile } from './mock-profile.js';

/**
 * The PHP API (seed 004), at `/mock/phpapi`: `/api/authorize.php` (client_id, redirect_uri matching
 * the registered one exactly, response_type=code; no state is echoed and no PKCE is taken, as the
 * seed knows neither), `POST /api/token.php` (code, client_id, client_secret; no grant_type, no
 * redirect_uri), `/api/userinfo.php` with a Bearer header answering `{username, email, full_name}`.
 * Errors are `{error, error_description}`: invalid_request 400, invalid_client 401, invalid_code 400,
 * invalid_token 401. The API endpoints are rate limited per client or token in a fixed window
 * (60 a minute unless `MockProviderOptions.rateLimit` says otherwise): 429 with `Retry-After` and
 * `X-RateLimit-*`.
 */
export const phpapiProfile: MockProfile = {
  profile: phpapi,
  routes: {
    'GET /api/authorize.php': authorize,
    'POST /api/authorize.php/decision': decide,
    'POST /api/token.php': token,
    'GET /api/userinfo.php': protectedResource((_ctx, record, user) => ({
      username: record.sub,
      email: user?.email,
      full_name: user?.name,
    })),
  },
  settings: {
    createClient: (metadata, now) => createClientRecord({ scope: '', ...metadata }, now),
    defaultScope: '',
    tokenRedirectUri: false,
    errors: { invalid_grant: { error: 'invalid_code' }, invalid_request: { status: 400 } },
    rateLimit: { limit: 60, window: 60 },
  },
};
