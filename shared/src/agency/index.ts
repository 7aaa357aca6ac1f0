// An agency service's kit: its event log and partnership parts wired on one database, the routes every agency
// has, its policy helper and the helpers its handlers share. The event log (`@convene/shared/eventlog`) and the
// partnership's logic (`@convene/shared/partnership`) are their own entry points.
export * from './kit.js';
export * from './commonRoutes.js';
export * from './policy.js';
export * from './deterministicId.js';
export * from './commandInput.js';
export * from './openApiRoute.js';
export * from './readAudit.js';
