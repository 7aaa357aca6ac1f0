export * from './whose.js';
export * from './visibility.js';
export * from './elsewhere.js';
export * from './material.js';
