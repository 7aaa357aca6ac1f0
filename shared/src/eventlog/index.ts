// The event log's public surface: record a command's event with one insert, the relay that publishes what is
// recorded, and the repair that finishes what a crash left. How it is stored (outbox and log documents,
// packing, sequencing, insert-once) stays inside.
export { createEventStore, outboxEntriesNaming, type EventStore, type StoredEvent } from './eventStore.js';
export { createRecorder, RECORDED_CHANNEL, type Recorder, type RecordCommand, type Recorded, type RecorderDeps } from './recorder.js';
export { relayOnceStarted, startOutboxRelay, type OutboxRelay, type RelayOptions } from './relay.js';
export { startProjectionRepair } from './projectionRepair.js';
export { inTurn } from './inTurn.js';
