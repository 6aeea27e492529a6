// The drop-in bundle: every element defined, and the client for script. jose loads on first id_token check.
export { OAuthClient, createClient, OAuthError, isOAuthError, profiles } from './core/index.js';
export { ClientErrorEvent, RenewalEvent, SessionChangeEvent, StorageFallbackEvent } from './core/index.js';
export * from './elements/index.js';
