// What tests and tools may use of the advocacy service in-process. Other services never import this.
export { loadAdvocacyConfig as loadConfig } from './config.js';
export { createAdvocacyService as createService } from './wiring.js';
export { createApp, advocacyRoutes } from './app.js';
export { advocacyPolicy as policy } from './domain/policy.js';
