/** The client metadata a registration request may carry. @see https://www.rfc-editor.org/rfc/rfc7591#section-2 */
export interface ClientMetadata {
  client_id?: string;
  /** In process only (a backend's configured secret); registration over HTTP refuses it, the provider makes one. */
  client_secret?: string;
  client_name?: string;
  redirect_uris?: string[];
  grant_types?: string[];
  response_types?: string[];
  scope?: string;
  token_endpoint_auth_method?: string;
  logo_uri?: string;
  client_uri?: string;
  policy_uri?: string;
  tos_uri?: string;
  /** Extension: seconds an access token of this client lives. */
  access_token_lifetime?: number;
  /** Where RP-Initiated Logout may send the user back. @see https://openid.net/specs/openid-connect-rpinitiated-1_0.html#ClientMetadata */
  post_logout_redirect_uris?: string[];
  /** Extension: a disabled client cannot authenticate, and its tokens are refused. */
  disabled?: boolean;
  /** RFC 9126 §6: the client must push its authorization requests. */
  require_pushed_authorization_requests?: boolean;
}
