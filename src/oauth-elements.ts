// The drop-in bundle: every element defined, and the client for script.
export * from './index.js';
