// Helpers for the fault-injection tests (tests/reliability/faults*.ts, tests/integration/faults.int.spec.ts):
// a stack of their own beside the shared one, services as real processes that can be killed, a bounded load
// generator, socket clients that reconnect, and the checks that compare the read model with a clean replay.
// Nothing here uses vitest's injected endpoints: the fault tests never touch the shared stack.

export * from './faults/basics.js';
export * from './faults/stack.js';
export * from './faults/supervised.js';
export * from './faults/http.js';
export * from './faults/clients.js';
export * from './faults/load.js';
export * from './faults/readModel.js';
export * from './faults/pushes.js';
export * from './faults/connections.js';
export { machine } from './figures.js';
