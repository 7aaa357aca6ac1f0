export * from './app.js';
export * from './lifecycle.js';
export * from './connect.js';
