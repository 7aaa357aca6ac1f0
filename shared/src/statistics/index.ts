export * from './months.js';
export * from './median.js';
export * from './suppression.js';
export * from './revision.js';
export * from './config.js';
export * from './schedule.js';
export * from './agency.js';
export * from './routes.js';
