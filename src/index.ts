export * from './core/index.js';
export * from './elements/index.js';
