export * from './client.js';
export * from './admin.js';
export * from './keys.js';
export * from './producer.js';
export * from './consumer.js';
export * from './dlq.js';
export * from './trace.js';
