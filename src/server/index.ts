export { applicationToken, type ApplicationToken, type ApplicationTokenOptions } from './application-token.js';
export type { ClientAuthMethod } from './client-authentication.js';
export { clientCredentials, type ClientCredentials, type ClientCredentialsOptions } from './client-credentials.js';
export { codeExchangeHandler, type CodeExchangeOptions, type FetchHandler } from './code-exchange.js';
export { memorySessionStore, type BackendSession, type SessionStore } from './session-store.js';
export { handleNodeRoute, nodeRoute, sendResponse, toRequest } from './node-adapter.js';
export { OAuthError, isOAuthError, type OAuthErrorCode } from '../core/errors.js';
