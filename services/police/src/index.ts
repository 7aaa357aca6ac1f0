// What tests and tools may use of the police service in-process. Other services never import this.
export { loadPoliceConfig as loadConfig } from './config.js';
export { createPoliceService as createService } from './wiring.js';
export { createApp, policeRoutes } from './app.js';
export { policePolicy as policy } from './domain/policy.js';
