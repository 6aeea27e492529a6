import { rservice } from '../../core/profiles/index.js';
import { createClientRecord } from '../registration.js';
import { protectedResource } from '../resource-endpoints.js';
import { token } from '../token-endpoint.js';
import type { MockProfile } from './mock-profile.js';

/**
 * R-Service (seed 001), at `/mock/rservice`: client credentials only, at `POST /token`
 * (client_id, client_secret, grant_type=client_credentials); tokens live one hour, and die with a
 * disabled or deleted client; every refusal is a 400 with `error` (the seed says so, even for a
 * wrong secret). `GET /api/me` stands for its API: it answers the calling application with a live token.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.4
 */
export const rserviceProfile: MockProfile = {
  profile: rservice,
  routes: {
    'POST /token': token,
    'GET /api/me': protectedResource((ctx, record) => ({
      client_id: record.clientId,
      name: ctx.state.clients.get(record.clientId)?.client_name,
      scope: record.scope,
    })),
  },
  settings: {
    createClient: (metadata, now) =>
      createClientRecord(
        {
          grant_types: ['client_credentials'],
          response_types: [],
          scope: '',
          token_endpoint_auth_method: 'client_secret_post',
          ...metadata,
        },
        now,
      ),
    errors: { invalid_client: { status: 400 } },
  },
};
