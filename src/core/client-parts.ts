// What the client loads on first use, in one piece: signing in, renewing, signing out, the calls to the app's API, and the provider's metadata they need.
export { metadataOf } from './provider/metadata.js';
export { carriesToken, send, sendWithToken } from './provider/resource-request.js';
export { renewAcrossTabs } from './renewal/renewal.js';
export { answerCallback, signIn } from './sign-in/sign-in.js';
export { checkLogout, signOutAtProvider } from './sign-out.js';
