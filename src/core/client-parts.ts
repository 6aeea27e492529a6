// What the client loads on first use after a sign-in, in one piece: renewing, signing out and the calls to the app's API.
export { fetchResource } from './provider/resource-request.js';
export { renewAcrossTabs } from './renewal/renewal.js';
export { signOut } from './sign-out.js';
