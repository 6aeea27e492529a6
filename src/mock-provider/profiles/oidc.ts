import { oidc } from '../../core/profiles/index.js';
import { authorize, decide } from '../authorize.js';
import { endSessionEndpoint } from '../end-session.js';
import { introspect } from '../introspection.js';
import { revoke, userinfo } from '../resource-endpoints.js';
import { pushAuthorizationRequest } from '../par.js';
import { json } from '../responses.js';
import { token } from '../token-endpoint.js';
import type { MockProfile } from './mock-profile.js';

/**
 * The provider's metadata.
 * @see https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderMetadata
 */
export function discoveryDocument(issuer: string): Record<string, unknown> {
  return {
    issuer,
    authorization_endpoint: `${issuer}/authorize`,
    token_endpoint: `${issuer}/token`,
    userinfo_endpoint: `${issuer}/userinfo`,
    jwks_uri: `${issuer}/jwks`,
    revocation_endpoint: `${issuer}/revoke`,
    registration_endpoint: `${issuer}/register`,
    introspection_endpoint: `${issuer}/introspect`,
    introspection_endpoint_auth_methods_supported: ['none', 'client_secret_basic', 'client_secret_post'],
    end_session_endpoint: `${issuer}/end-session`,
    response_types_supported: ['code', 'id_token token'],
    response_modes_supported: ['query', 'fragment'],
    grant_types_supported: ['authorization_code', 'refresh_token'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['ES256'],
    scopes_supported: ['openid', 'profile', 'email'],
    token_endpoint_auth_methods_supported: ['none', 'client_secret_basic', 'client_secret_post'],
    code_challenge_methods_supported: ['S256'],
    claims_supported: [
      'sub',
      'iss',
      'aud',
      'exp',
      'iat',
      'auth_time',
      'nonce',
      'name',
      'email',
      'email_verified',
      'picture',
    ],
    authorization_response_iss_parameter_supported: true,
    pushed_authorization_request_endpoint: `${issuer}/par`,
    require_pushed_authorization_requests: false,
    dpop_signing_alg_values_supported: ['ES256', 'ES384', 'PS256', 'RS256', 'EdDSA'],
  };
}

/** The generic strict OpenID provider, mounted at `/mock/oidc`. */
export const oidcProfile: MockProfile = {
  profile: oidc,
  routes: {
    'GET /.well-known/openid-configuration': (ctx) =>
      json(discoveryDocument(ctx.issuer), 200, { 'access-control-allow-origin': '*' }),
    'GET /jwks': async (ctx) => {
      await ctx.signingKey();
      return json({ keys: (await Promise.all(ctx.control.keys)).map((key) => key.publicJwk) }, 200, {
        'access-control-allow-origin': '*',
      });
    },
    'GET /authorize': authorize,
    'POST /authorize/decision': decide,
    'POST /token': token,
    'POST /par': pushAuthorizationRequest,
    'GET /userinfo': userinfo,
    'POST /revoke': revoke,
    'POST /introspect': introspect,
    'GET /end-session': endSessionEndpoint,
  },
};
