export * from './principal.js';
export * from './verifier.js';
export * from './issuer.js';
export * from './middleware.js';
