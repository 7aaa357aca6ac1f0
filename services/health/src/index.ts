// What tests and tools may use of the health service in-process. Other services never import this.
export { loadHealthConfig as loadConfig } from './config.js';
export { createHealthService as createService } from './wiring.js';
export { createApp, healthRoutes } from './app.js';
export { healthPolicy as policy } from './domain/policy.js';
