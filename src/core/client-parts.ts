// What the client loads on first use, in one piece: signing in, renewing, signing out, the calls to the app's API, and the provider's metadata they need.
export { metadataOf } from './metadata.js';
export { sendWithToken } from './resource-request.js';
export { renewAcrossTabs } from './renewal.js';
export { answerCallback, signIn } from './sign-in.js';
export { checkLogout, signOutAtProvider } from './sign-out.js';
