// What the client loads for a sign-in, in one piece: the authorization request, the callback, the code exchange, and the provider's metadata they need.
export { discover, metadataOf } from '../provider/discovery.js';
export { answerCallback, signIn } from './sign-in.js';
