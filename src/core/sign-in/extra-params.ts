import { OAuthError } from '../errors.js';

/**
 * The authorization request parameters the kit sets itself: `state`, `nonce` and PKCE protect the
 * response, the others say which client, flow and grant it is. None can be set as an extra.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.1
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.3
 */
export const ownedParams = [
  'state',
  'nonce',
  'code_challenge',
  'code_challenge_method',
  'redirect_uri',
  'client_id',
  'response_type',
  'response_mode',
  'scope',
  'request',
  'request_uri',
] as const;

/**
 * Checks extra authorization request parameters (`audience`, `prompt`, `login_hint`, `acr_values`,
 * `ui_locales`, `access_type`…): plain strings, none of them one the kit owns; `invalid_config` otherwise.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#AuthRequest
 */
export function checkExtraParams(params: unknown, where: string): Record<string, string> {
  if (params === undefined) return {};
  if (typeof params !== 'object' || params === null || Array.isArray(params))
    throw new OAuthError('invalid_config', `${where} is an object of strings`);
  for (const [name, value] of Object.entries(params)) {
    if (typeof value !== 'string') throw new OAuthError('invalid_config', `${where}.${name} must be a string`);
    if ((ownedParams as readonly string[]).includes(name))
      throw new OAuthError('invalid_config', `${where} cannot set ${name}: the kit sets it`);
  }
  return { ...(params as Record<string, string>) };
}
