// What tests and tools may use of the conference service in-process. Other services never import this.
export { loadConferenceConfig as loadConfig } from './config.js';
export { createConferenceService as createService } from './wiring.js';
export { createApp, conferenceRoutes } from './app.js';
export { conferencePolicy as policy, conferenceRules } from './domain/policy.js';
