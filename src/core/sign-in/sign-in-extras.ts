// What only some configurations' sign-ins need, in one lazy piece that most sign-ins never load: extra
// authorization parameters, PAR, the app's backend, a DPoP client's binding check, UserInfo, an implicit response,
// the refusal of a redirect sign-in where the browser keeps nothing.
export { checkExtraParams } from './extra-params.js';
export { pushAuthorizationRequest } from './par.js';
export { tellBackend } from '../provider/backend.js';
export { checkBinding } from '../dpop/dpop-binding.js';
export { fetchUserInfo } from '../provider/userinfo.js';
export { implicitTokenOf } from '../callback/implicit-response.js';
export { redirectWithoutStorage } from './redirect-storage.js';
