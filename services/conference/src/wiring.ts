import type { Connection } from 'mongoose';
import { ZodError } from 'zod';
import type { Kafka } from 'kafkajs';
import { createEventStore, createRecorder, relayOnceStarted, startOutboxRelay, startProjectionRepair, type OutboxRelay } from '@convene/shared/eventlog';
import { runEventConsumer, type EventPublisher, type RunningConsumer } from '@convene/shared/kafka';
import type { Logger } from '@convene/shared/log';
import { indexesBuilt } from '@convene/shared/mongo';
import type { prefixedTopics } from '@convene/shared/contracts';
import type { Config } from './config.js';
import { createCaseStore } from './db/cases.js';
import { createCounters } from './db/counters.js';
import { createMeetingStore } from './db/meetings.js';
import { createLive } from './live/index.js';
import { createReferralLog } from './db/referrals.js';
import { createErasedCases } from './db/erasedCases.js';
import { createChronologyStore } from './db/chronologies.js';
import { createAuditTrail } from '@convene/shared/audit';
import { createProjector, type Projector } from './projection/projector.js';
import { createPurger } from './projection/purge.js';
import { createScrutiny } from './scrutiny/index.js';
import { auditRecorderOf } from './domain/auditing.js';
import { requesterOf } from './domain/historyCheck.js';
import { areasOf } from './domain/areas.js';

export interface StartOptions {
  groupId?: string;
  relayPollMs?: number;
  purgeEveryMs?: number;
}

/** The conference service's parts, built on one database connection. */
export function createConferenceService(db: Connection, config: Config, logger: Logger) {
  const areas = areasOf(config.CONVENE_AREAS);
  const counters = createCounters(db);
  const cases = createCaseStore(db);
  const meetings = createMeetingStore(db, { refreshMs: config.PEER_REFRESH_MS });
  const live = createLive({ logger, retentionHours: config.LIVE_RETENTION_HOURS, partitions: config.KAFKA_TOPIC_PARTITIONS });
  // A meeting changed through another instance reaches this one's mirror as its push arrives, not a second later.
  // Not while the live topic's history is read at start: the mirror's first read of the meetings is newer.
  let liveCaughtUp = false;
  live.onPush((push) => {
    if (push.kind === 'meeting.state' && liveCaughtUp) meetings.reload(push.meetingId).catch((err: unknown) => logger.warn({ meetingId: push.meetingId, err: (err as Error).message }, 'could not read a changed meeting again; the next re-read will'));
  });
  const referrals = createReferralLog(db);
  const chronologies = createChronologyStore(db);
  const outbox = createEventStore(db);
  // Reads and writes, in this database; each new head anchored outside it (CONVENE_AUDIT_ANCHOR_KEY).
  const auditTrail = createAuditTrail(db, { logger, anchorKey: config.CONVENE_AUDIT_ANCHOR_KEY });
  const auditLog = auditTrail.log;
  let relay: OutboxRelay | undefined;
  let repair: { stop(): Promise<void> } | undefined;
  let consumer: RunningConsumer | undefined;
  let purgeTimer: NodeJS.Timeout | undefined;

  // The conference's own events go through the same outbox as an agency's, and are applied to the read
  // model at once so the chair's next request already sees them.
  let projector: Projector;
  const recorder = createRecorder({ store: outbox, relay: relayOnceStarted(() => relay), project: (event) => projector.applyToReadModel([event]).then(() => undefined) });
  const erased = createErasedCases(db);
  const purger = createPurger({ cases, meetings, live, referrals, chronologies, erased, store: outbox, retentionDays: config.CASE_RETENTION_DAYS, logger, flushOutbox: async () => relay?.flush() });
  const scrutiny = createScrutiny({ db, cases, meetings, outbox, recorder, logger });
  projector = createProjector({
    cases, meetings, live, chronologies, counters, referrals, recorder, logger, erased, statistics: scrutiny.store,
    areas, repeatWindowMonths: config.REPEAT_WINDOW_MONTHS, historyCheckExpiryDays: config.HISTORY_CHECK_EXPIRY_DAYS,
    auditHistoryCheck: async (request, outcome) => {
      const { requestRef, requestedBy } = request.data;
      try {
        await audit(requesterOf(requestedBy), { action: 'history_check.open', purpose: { kind: 'history_request', ref: requestRef }, requestRef, outcome });
      } catch (err) {
        // A user id the audit log cannot hold as an actor must not stop the consumer; anything else is retried.
        if (!(err instanceof ZodError)) throw err;
        logger.warn({ requestRef, eventId: request.id }, 'history check opening not audited: requester id not an audit actor id');
      }
    },
    onCaseClosed: async (_caseRef, retentionDays) => {
      if ((retentionDays ?? config.CASE_RETENTION_DAYS) === 0) await purger.purgeDue();
    },
  });

  const audit = auditRecorderOf(auditTrail);

  return {
    cases, meetings, live, chronologies, counters, referrals, outbox, auditLog, auditTrail, recorder, purger, audit, scrutiny, areas,
    projector: () => projector,
    async start(runtime: { kafka: Kafka; publisher: EventPublisher; topics: ReturnType<typeof prefixedTopics>; replicationFactor?: number }, options: StartOptions = {}) {
      await indexesBuilt(db);
      await recorder.catchUpProjection();
      await auditTrail.start(runtime);
      relay = startOutboxRelay({ queue: outbox, publisher: runtime.publisher, logger, ...(options.relayPollMs ? { pollMs: options.relayPollMs } : {}) });
      await relay.flush();
      repair = startProjectionRepair(recorder, logger);
      await live.start(runtime);
      live.caughtUp().then(() => { liveCaughtUp = true; }, () => undefined);
      consumer = await runEventConsumer({
        kafka: runtime.kafka,
        groupId: options.groupId ?? runtime.topics.group('conference'),
        topics: Object.values(runtime.topics.events),
        dlqTopic: runtime.topics.dlq,
        publisher: runtime.publisher,
        logger,
        apply: (events) => projector.handle(events.map((e) => e.event)),
        // Catching up (a backlog, a replay), each case view is written once per chunk whatever the number of its
        // events in it, and on FerretDB each write reads every case: big chunks make that cost per chunk, not per
        // event. Live, chunks stay as small as what has arrived.
        maxBatch: 20_000,
        maxBytesPerPartition: 16 * 1024 * 1024,
        // Every partition's batch at once: the projector takes those arriving together in one round.
        partitionsConsumedConcurrently: Object.keys(runtime.topics.events).length * config.KAFKA_TOPIC_PARTITIONS,
      });
      const every = options.purgeEveryMs ?? 60_000;
      const tick = () => {
        purgeTimer = setTimeout(() => {
          purger.purgeDue().catch((err: unknown) => logger.warn({ err: (err as Error).message }, 'purge failed; will retry')).finally(tick);
        }, every);
        purgeTimer.unref();
      };
      tick();
      scrutiny.startSchedule();
    },
    async stop() {
      if (purgeTimer) clearTimeout(purgeTimer);
      await scrutiny.stopSchedule();
      await consumer?.stop();
      await live.stop();
      await repair?.stop();
      await relay?.stop();
      await auditTrail.stop();
    },
    consumer: () => consumer,
  };
}

export type ConferenceService = ReturnType<typeof createConferenceService>;
