import { auth0, cognito, oidc, type ProviderProfile } from '../../core/profiles/index.js';
import { authorize, decide } from '../authorize.js';
import { endSessionEndpoint } from '../end-session.js';
import { revoke, userinfo } from '../resource-endpoints.js';
import { json } from '../responses.js';
import { token } from '../token-endpoint.js';
import { vendorLogout } from '../vendor-logout.js';
import type { Endpoint, MockProfile } from './mock-profile.js';
import type { MockSettings } from './mock-settings.js';
import { discoveryDocument } from './oidc.js';

// Emulations of vendors' OpenID providers, each shaped after the vendor's documentation (cited on each),
// from the strict `oidc` mount's endpoints. Mounted at /mock/<id>; test/e2e/vendors.test.ts signs in to each.

const publicCors = { 'access-control-allow-origin': '*' };
const jwks: Endpoint = async (ctx) => {
  await ctx.signingKey();
  return json({ keys: (await Promise.all(ctx.control.keys)).map((key) => key.publicJwk) }, 200, publicCors);
};

/** The metadata of the strict mount, with the vendor's paths and what it does not publish left out. */
function metadata(
  issuer: string,
  paths: Record<string, string | undefined>,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const base = discoveryDocument(issuer);
  for (const field of [
    'registration_endpoint',
    'introspection_endpoint',
    'introspection_endpoint_auth_methods_supported',
    'pushed_authorization_request_endpoint',
    'require_pushed_authorization_requests',
    'authorization_response_iss_parameter_supported',
    'dpop_signing_alg_values_supported',
  ]) {
    delete base[field];
  }
  for (const [field, path] of Object.entries(paths)) {
    if (path === undefined) delete base[field];
    else base[field] = path.startsWith('http') ? path : `${issuer}${path}`;
  }
  return { ...base, ...extra };
}

const vendor = (
  profile: ProviderProfile,
  routes: Record<string, Endpoint>,
  settings: MockSettings = {},
): MockProfile => ({ profile, routes, settings });

/**
 * Auth0, at `/mock/auth0`: its issuer ends in `/` (`https://TENANT.auth0.com/`), in the metadata and
 * every id_token; `/authorize`, `/oauth/token`, `/userinfo`, `/.well-known/jwks.json`, `/oauth/revoke`;
 * an access token for an API only with `audience` (its `aud`); refresh tokens (rotating) only with
 * `offline_access`; sign-out at `/v2/logout` with `client_id` and `returnTo`, which the metadata does not name.
 * @see https://auth0.com/docs/get-started/applications/application-settings
 * @see https://auth0.com/docs/secure/tokens/access-tokens/get-access-tokens
 * @see https://auth0.com/docs/secure/tokens/refresh-tokens/configure-refresh-token-rotation
 * @see https://auth0.com/docs/api/authentication/logout/auth-0-logout
 */
export const auth0Profile = vendor(
  auth0,
  {
    'GET /.well-known/openid-configuration': (ctx) =>
      json(
        metadata(
          ctx.issuer,
          {
            authorization_endpoint: '/authorize',
            token_endpoint: '/oauth/token',
            userinfo_endpoint: '/userinfo',
            jwks_uri: '/.well-known/jwks.json',
            revocation_endpoint: '/oauth/revoke',
            end_session_endpoint: undefined,
          },
          { issuer: `${ctx.issuer}/` },
        ),
        200,
        publicCors,
      ),
    'GET /.well-known/jwks.json': jwks,
    'GET /authorize': authorize,
    'POST /authorize/decision': decide,
    'POST /oauth/token': token,
    'GET /userinfo': userinfo,
    'POST /oauth/revoke': revoke,
    'GET /v2/logout': vendorLogout({ returnTo: 'returnTo' }),
  },
  { idTokenIssuer: (issuer) => `${issuer}/`, offlineAccess: true },
);

/**
 * Okta (a custom authorization server, `https://DOMAIN/oauth2/default`), at `/mock/okta`: `/v1/authorize`,
 * `/v1/token`, `/v1/userinfo`, `/v1/keys`, `/v1/revoke`, `/v1/logout` (RP-Initiated Logout with
 * `id_token_hint` and `post_logout_redirect_uri`); refresh tokens only with `offline_access`.
 * @see https://developer.okta.com/docs/guides/implement-grant-type/authcodepkce/main/
 * @see https://developer.okta.com/docs/guides/refresh-tokens/main/
 * @see https://developer.okta.com/docs/api/openapi/okta-oauth/oauth/tag/OrgAS/#tag/OrgAS/operation/logout
 */
export const oktaProfile = vendor(
  { ...oidc, id: 'okta', name: 'Okta', iss: false, endpoints: { authorization: '/v1/authorize' } },
  {
    'GET /.well-known/openid-configuration': (ctx) =>
      json(
        metadata(ctx.issuer, {
          authorization_endpoint: '/v1/authorize',
          token_endpoint: '/v1/token',
          userinfo_endpoint: '/v1/userinfo',
          jwks_uri: '/v1/keys',
          revocation_endpoint: '/v1/revoke',
          end_session_endpoint: '/v1/logout',
        }),
        200,
        publicCors,
      ),
    'GET /v1/keys': jwks,
    'GET /v1/authorize': authorize,
    'POST /v1/authorize/decision': decide,
    'POST /v1/token': token,
    'GET /v1/userinfo': userinfo,
    'POST /v1/revoke': revoke,
    'GET /v1/logout': endSessionEndpoint,
  },
  { offlineAccess: true },
);

/**
 * Keycloak (a realm, `https://HOST/realms/REALM`), at `/mock/keycloak`: `/protocol/openid-connect/auth`,
 * `/token`, `/userinfo`, `/certs`, `/revoke`, `/logout`; RFC 9207 `iss` on responses; access tokens of
 * five minutes (its default lifespan), refresh tokens always.
 * @see https://www.keycloak.org/securing-apps/oidc-layers#_oidc_available_endpoints
 * @see https://www.keycloak.org/docs/latest/server_admin/#_timeouts
 */
const keycloakAt = (name: string): string => `/protocol/openid-connect/${name}`;
export const keycloakProfile = vendor(
  {
    ...oidc,
    id: 'keycloak',
    name: 'Keycloak',
    accessTokenLifetime: 300,
    endpoints: { authorization: keycloakAt('auth') },
  },
  {
    'GET /.well-known/openid-configuration': (ctx) =>
      json(
        metadata(
          ctx.issuer,
          {
            authorization_endpoint: keycloakAt('auth'),
            token_endpoint: keycloakAt('token'),
            userinfo_endpoint: keycloakAt('userinfo'),
            jwks_uri: keycloakAt('certs'),
            revocation_endpoint: keycloakAt('revoke'),
            end_session_endpoint: keycloakAt('logout'),
          },
          { authorization_response_iss_parameter_supported: true },
        ),
        200,
        publicCors,
      ),
    [`GET ${keycloakAt('certs')}`]: jwks,
    [`GET ${keycloakAt('auth')}`]: authorize,
    [`POST ${keycloakAt('auth')}/decision`]: decide,
    [`POST ${keycloakAt('token')}`]: token,
    [`GET ${keycloakAt('userinfo')}`]: userinfo,
    [`POST ${keycloakAt('revoke')}`]: revoke,
    [`GET ${keycloakAt('logout')}`]: endSessionEndpoint,
  },
);

/** The tenant the emulated Entra ID signs its users into. */
export const entraTenant = '9122040d-6c67-4c5b-b112-36a304b66dad';

/**
 * Microsoft Entra ID (v2.0), at `/mock/entra`: one metadata document for `common` and `organizations`
 * whose `issuer` is the template `…/{tenantid}/v2.0`, and id_tokens whose `iss` names the user's tenant,
 * also given as `tid`; `/{tenant}/oauth2/v2.0/authorize`, `/token`, `/logout`, `/{tenant}/discovery/v2.0/keys`;
 * no revocation endpoint; refresh tokens only with `offline_access`; CORS on the token endpoint for
 * the redirect URIs of the SPA platform.
 * @see https://learn.microsoft.com/entra/identity-platform/v2-protocols-oidc#find-your-apps-openid-configuration-document-uri
 * @see https://learn.microsoft.com/entra/identity-platform/id-token-claims-reference#payload-claims
 * @see https://learn.microsoft.com/entra/identity-platform/scopes-oidc#the-offline_access-scope
 * @see https://learn.microsoft.com/entra/identity-platform/reference-third-party-cookies-spas
 */
export const entraProfile = vendor(
  {
    ...oidc,
    id: 'entra',
    name: 'Microsoft Entra ID',
    iss: false,
    endpoints: { authorization: '/common/oauth2/v2.0/authorize' },
  },
  {
    'POST /common/oauth2/v2.0/authorize/decision': decide,
    'GET /oidc/userinfo': userinfo,
  },
  {
    idTokenIssuer: (issuer) => `${issuer}/${entraTenant}/v2.0`,
    idTokenClaims: { tid: entraTenant },
    offlineAccess: true,
  },
);
for (const tenant of ['common', 'organizations', entraTenant]) {
  const at = (path: string): string => `/${tenant}${path}`;
  Object.assign(entraProfile.routes, {
    [`GET ${at('/v2.0/.well-known/openid-configuration')}`]: ((ctx) =>
      json(
        metadata(
          ctx.issuer,
          {
            authorization_endpoint: at('/oauth2/v2.0/authorize'),
            token_endpoint: at('/oauth2/v2.0/token'),
            userinfo_endpoint: '/oidc/userinfo',
            jwks_uri: at('/discovery/v2.0/keys'),
            revocation_endpoint: undefined,
            end_session_endpoint: at('/oauth2/v2.0/logout'),
          },
          { issuer: `${ctx.issuer}/${tenant === entraTenant ? entraTenant : '{tenantid}'}/v2.0` },
        ),
        200,
        publicCors,
      )) satisfies Endpoint,
    [`GET ${at('/discovery/v2.0/keys')}`]: jwks,
    [`GET ${at('/oauth2/v2.0/authorize')}`]: authorize,
    [`POST ${at('/oauth2/v2.0/token')}`]: token,
    [`GET ${at('/oauth2/v2.0/logout')}`]: endSessionEndpoint,
  });
}

/**
 * Google, at `/mock/google`: its web clients have a secret, so the token endpoint takes no public
 * client (a code needs the app's backend); the implicit `id_token token` flow with `nonce` and
 * `at_hash`; `/o/oauth2/v2/auth`, `/token`, `/v1/userinfo`, `/oauth2/v3/certs`, `/revoke`; no end-session endpoint.
 * @see https://developers.google.com/identity/openid-connect/openid-connect#discovery
 * @see https://developers.google.com/identity/protocols/oauth2/javascript-implicit-flow
 * @see https://developers.google.com/identity/protocols/oauth2/web-server#offline
 */
export const googleProfile = vendor(
  {
    ...oidc,
    id: 'google',
    name: 'Google',
    iss: false,
    endpoints: { authorization: '/o/oauth2/v2/auth' },
    accessTokenLifetime: 3599,
  },
  {
    'GET /.well-known/openid-configuration': (ctx) =>
      json(
        metadata(
          ctx.issuer,
          {
            authorization_endpoint: '/o/oauth2/v2/auth',
            token_endpoint: '/token',
            userinfo_endpoint: '/v1/userinfo',
            jwks_uri: '/oauth2/v3/certs',
            revocation_endpoint: '/revoke',
            end_session_endpoint: undefined,
          },
          {
            response_types_supported: [
              'code',
              'token',
              'id_token',
              'code token',
              'code id_token',
              'token id_token',
              'code token id_token',
              'none',
            ],
          },
        ),
        200,
        publicCors,
      ),
    'GET /oauth2/v3/certs': jwks,
    'GET /o/oauth2/v2/auth': authorize,
    'POST /o/oauth2/v2/auth/decision': decide,
    'POST /token': token,
    'GET /v1/userinfo': userinfo,
    'POST /revoke': revoke,
  },
  { publicClients: false },
);

/**
 * Amazon Cognito (a user pool), at `/mock/cognito`: managed login at `/oauth2/authorize`, `/oauth2/token`,
 * `/oauth2/userInfo`, `/.well-known/jwks.json`; refresh tokens always; sign-out at `/logout` with
 * `client_id` and a required `logout_uri` from the client's allowed sign-out URLs, which the metadata does not name.
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-userpools-server-contract-reference.html
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/logout-endpoint.html
 */
export const cognitoProfile = vendor(
  { ...cognito, endpoints: { authorization: '/oauth2/authorize' } },
  {
    'GET /.well-known/openid-configuration': (ctx) =>
      json(
        metadata(ctx.issuer, {
          authorization_endpoint: '/oauth2/authorize',
          token_endpoint: '/oauth2/token',
          userinfo_endpoint: '/oauth2/userInfo',
          jwks_uri: '/.well-known/jwks.json',
          revocation_endpoint: undefined,
          end_session_endpoint: undefined,
        }),
        200,
        publicCors,
      ),
    'GET /.well-known/jwks.json': jwks,
    'GET /oauth2/authorize': authorize,
    'POST /oauth2/authorize/decision': decide,
    'POST /oauth2/token': token,
    'GET /oauth2/userInfo': userinfo,
    'GET /logout': vendorLogout({ returnTo: 'logout_uri', returnToRequired: true }),
  },
);
