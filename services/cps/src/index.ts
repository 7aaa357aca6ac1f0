// What tests and tools may use of the CPS service in-process. Other services never import this.
export { loadCpsConfig as loadConfig } from './config.js';
export { createCpsService as createService } from './wiring.js';
export { createApp, cpsRoutes } from './app.js';
export { cpsPolicy as policy } from './domain/policy.js';
