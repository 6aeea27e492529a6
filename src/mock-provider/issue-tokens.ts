import type { EndpointContext } from './context.js';
import { takeScenario } from './control.js';
import { spoilIdToken } from './faults.js';
import { leftHalfSha256, randomId } from './ids.js';
import { signJwt } from './keys.js';
import type { Grant, MockClient, ProviderState } from './state.js';

const refreshTokenLifetime = 30 * 24 * 3600;

/** The claims a user releases for the granted scopes. @see https://openid.net/specs/openid-connect-core-1_0.html#ScopeClaims */
export function claimsFor(user: Record<string, unknown> | undefined, scope: string): Record<string, unknown> {
  if (!user) return {};
  const scopes = scope.split(' ');
  const pick = (names: string[]): Record<string, unknown> =>
    Object.fromEntries(names.filter((name) => user[name] !== undefined).map((name) => [name, user[name]]));
  return {
    ...(scopes.includes('profile')
      ? pick(['name', 'given_name', 'family_name', 'preferred_username', 'picture', 'locale'])
      : {}),
    ...(scopes.includes('email') ? pick(['email', 'email_verified']) : {}),
  };
}

/** Revokes every access and refresh token of one sign-in. @see https://www.rfc-editor.org/rfc/rfc9700#section-4.14.2 */
export function revokeFamily(state: ProviderState, family: string): void {
  for (const record of state.accessTokens.values()) if (record.family === family) record.revoked = true;
  for (const record of state.refreshTokens.values()) if (record.family === family) record.revoked = true;
}

/**
 * Issues a signed access token (RFC 9068), an id_token when `openid` was granted and a `nonce` is
 * given or the grant is refreshed, and a rotated refresh token when the client may refresh.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.1
 * @see https://www.rfc-editor.org/rfc/rfc9068
 */
export async function issueTokens(
  ctx: EndpointContext,
  client: MockClient,
  grant: Grant,
  options: { nonce?: string | undefined; idToken: boolean; refresh?: false; jkt?: string | undefined },
): Promise<Record<string, unknown>> {
  const key = await ctx.signingKey();
  const now = Math.floor(ctx.now() / 1000);
  const lifetime = client.access_token_lifetime ?? ctx.profile.accessTokenLifetime;
  const jti = randomId(16);
  const bound = options.jkt === undefined ? {} : { jkt: options.jkt };
  ctx.state.accessTokens.set(jti, {
    id: jti,
    clientId: client.client_id,
    sub: grant.sub,
    scope: grant.scope,
    expiresAt: (now + lifetime) * 1000,
    revoked: false,
    family: grant.family,
    ...bound,
  });
  const accessToken = await signJwt(
    key,
    {
      iss: ctx.issuer,
      sub: grant.sub,
      aud: grant.audience ?? ctx.issuer,
      client_id: client.client_id,
      scope: grant.scope,
      jti,
      iat: now,
      exp: now + lifetime,
      ...(options.jkt ? { cnf: bound } : {}),
    },
    'at+jwt',
  );
  const body: Record<string, unknown> = {
    access_token: accessToken,
    token_type: options.jkt ? 'DPoP' : (ctx.settings.tokenType ?? 'Bearer'),
    expires_in: lifetime,
    scope: grant.scope,
  };
  if (options.idToken && grant.scope.split(' ').includes('openid')) {
    const user = ctx.state.users.find((candidate) => candidate.sub === grant.sub);
    body['id_token'] = await signJwt(key, {
      ...claimsFor(user, grant.scope),
      ...ctx.settings.idTokenClaims,
      iss: ctx.settings.idTokenIssuer?.(ctx.issuer) ?? ctx.issuer,
      sub: grant.sub,
      aud: client.client_id,
      iat: now,
      exp: now + lifetime,
      auth_time: grant.authTime,
      at_hash: await leftHalfSha256(accessToken),
      ...(options.nonce === undefined ? {} : { nonce: options.nonce }),
    });
    const spoiled = takeScenario(ctx.control, 'id_token', ctx.profile.id, client.client_id);
    if (spoiled) body['id_token'] = await spoilIdToken(String(body['id_token']), spoiled.fault, key);
  }
  const offline = !ctx.settings.offlineAccess || grant.scope.split(' ').includes('offline_access');
  if (options.refresh !== false && ctx.profile.refresh && offline && client.grant_types.includes('refresh_token')) {
    const refreshToken = randomId(32);
    // RFC 9449 §5: a public client's refresh token is bound to its key; a confidential one authenticates.
    const refreshBound = client.token_endpoint_auth_method === 'none' ? bound : {};
    ctx.state.refreshTokens.set(refreshToken, {
      ...grant,
      used: false,
      revoked: false,
      expiresAt: (now + refreshTokenLifetime) * 1000,
      ...refreshBound,
    });
    body['refresh_token'] = refreshToken;
  }
  return body;
}
