import { OAuthError } from '../errors.js';
import type { CallbackParams } from './callback-url.js';

// Apart from callback.ts: only an implicit sign-in (a provider that still needs it) loads it, from sign-in-extras.ts.

/**
 * The token response of an implicit-flow callback, in the fragment only.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.2.2
 */
export function implicitTokenOf(params: CallbackParams): Record<string, unknown> {
  if (params.in !== 'fragment')
    throw new OAuthError('invalid_callback', 'an implicit-flow response must come in the fragment');
  if (params.code !== undefined) throw new OAuthError('invalid_callback', 'an implicit-flow response carries a code');
  const expiresIn = params.expiresIn === undefined ? undefined : Number(params.expiresIn);
  return {
    access_token: params.accessToken,
    token_type: params.tokenType,
    ...(expiresIn === undefined ? {} : { expires_in: Number.isFinite(expiresIn) ? expiresIn : params.expiresIn }),
    ...(params.idToken === undefined ? {} : { id_token: params.idToken }),
    ...(params.scope === undefined ? {} : { scope: params.scope }),
  };
}
