import { gearcode } from '../../core/profiles/index.js';
import { authorize, decide } from '../authorize.js';
import { createClientRecord } from '../registration.js';
import { token } from '../token-endpoint.js';
import type { MockProfile } from './mock-profile.js';

/**
 * GearCode (seed 003), at `/mock/gearcode`: code flow at `/oauth/authorize` (redirect_uri,
 * client_id, response_type=code; `state` optional, echoed when sent); `POST /oauth/token` with
 * `resource_id` equal to client_id (else invalid_request) and client_secret, for authorization_code
 * and refresh_token; access tokens of 899 s, `token_type=bearer`, and rotating refresh tokens whose
 * reuse revokes the sign-in. The seed's code exchange sends no redirect_uri: one sent must match.
 * Redirect URIs match exactly ("must be added to the allowed list").
 */
export const gearcodeProfile: MockProfile = {
  profile: gearcode,
  routes: {
    'GET /oauth/authorize': authorize,
    'POST /oauth/authorize/decision': decide,
    'POST /oauth/token': token,
  },
  settings: {
    createClient: (metadata, now) =>
      createClientRecord({ scope: '', grant_types: ['authorization_code', 'refresh_token'], ...metadata }, now),
    defaultScope: '',
    tokenRedirectUri: false,
    tokenType: 'bearer',
  },
};
