export * from './problem.js';
export * from './validate.js';
export * from './security.js';
export * from './health.js';
export * from './metrics.js';
export * from './metricsAccess.js';
export * from './routes.js';
export * from './openapi.js';
