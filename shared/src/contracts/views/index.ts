// What the conference answers with: the case view, meetings and history-check chronologies. The service's
// routes document their responses with these, and the web UI types what it reads with them.
export * from './timeline.js';
export * from './caseSections.js';
export * from './signals.js';
export * from './caseView.js';
export * from './meeting.js';
export * from './chronology.js';
export * from './scrutiny.js';
export * from './webConfig.js';
export * from './agency.js';
