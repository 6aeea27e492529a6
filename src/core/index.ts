export { OAuthClient, createClient, type LoginOptions } from './client.js';
export type { LogoutOptions } from './sign-out.js';
export type { ClientConfig, LoginMode, ResolvedConfig } from './config.js';
export type { ProviderMetadata } from './provider/discovery.js';
export { discover } from './provider/discover-lazily.js';
export { OAuthError, isOAuthError, type OAuthErrorCode, type OAuthErrorOptions } from './errors.js';
export {
  ClientErrorEvent,
  DpopFallbackEvent,
  RenewalEvent,
  SessionChangeEvent,
  StorageFallbackEvent,
  type ClientEventMap,
} from './events.js';
export type { IdTokenExpectations } from './id-token/id-token.js';
export { idTokenAlgorithms } from './id-token/id-token-algorithms.js';
export { verifyIdToken } from './id-token/verify-id-token.js';
export { profiles, type Flow, type ProfileEndpoints, type ProfileId, type ProviderProfile } from './profiles/index.js';
export { isFresh, type Session, type UserClaims } from './session.js';
export type { LogoutResult } from './sign-out.js';
export { sealedStore } from './storage/sealed-store.js';
export { fallbackStore, indexedDbStore, memoryStore, type KeyValueStore } from './storage/store.js';
export type { TokenResponse } from './provider/token-response.js';
