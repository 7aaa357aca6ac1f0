import type { Connection } from 'mongoose';
import type { Kafka } from 'kafkajs';
import { ensureTopics, type EventPublisher } from '../kafka/index.js';
import type { Logger } from '../log/index.js';
import type { Principal } from '../auth/index.js';
import { createAuditLog, type AuditLog } from './auditLog.js';
import { createAnchorer } from './anchorer.js';
import { anchorMessage } from './anchorTopic.js';
import type { AuditActor, AuditEntry, AuditInput } from './entry.js';

export interface AuditTrailOptions {
  logger: Logger;
  /** CONVENE_AUDIT_ANCHOR_KEY; without it the chain is kept but not anchored. */
  anchorKey?: string | undefined;
  anchorEveryMs?: number;
  anchorMaxPending?: number;
}

export interface AuditTrail {
  log: AuditLog;
  /** Append one entry; its head is anchored with the next batch. */
  record(input: AuditInput): Promise<AuditEntry>;
  /** Begin anchoring to the anchor topic (created if missing). */
  start(runtime: { kafka: Kafka; publisher: Pick<EventPublisher, 'sendRaw'>; topics: { auditAnchors: string }; replicationFactor?: number }): Promise<void>;
  /** Anchor the newest entry now, if it is not anchored yet. */
  flush(): Promise<void>;
  /** Anchor what is left and stop; call before the publisher disconnects. */
  stop(): Promise<void>;
}

export function actorOf(principal: Principal): AuditActor {
  return { sub: principal.sub, role: principal.role, agency: principal.agency };
}

/** A service's audit log in its own database, with its head anchored outside it (see anchor.ts). */
export function createAuditTrail(db: Connection, options: AuditTrailOptions): AuditTrail {
  const log = createAuditLog(db);
  let send: ((messages: ReturnType<typeof anchorMessage>[]) => Promise<void>) | undefined;
  const anchorer = options.anchorKey
    ? createAnchorer({
      chain: db.name,
      key: options.anchorKey,
      logger: options.logger,
      ...(options.anchorEveryMs ? { everyMs: options.anchorEveryMs } : {}),
      ...(options.anchorMaxPending ? { maxPending: options.anchorMaxPending } : {}),
      send: async (anchor) => {
        if (!send) throw new Error('not started');
        await send([anchorMessage(anchor)]);
      },
    })
    : undefined;

  return {
    log,
    async record(input) {
      const entry = await log.append(input);
      anchorer?.note(entry);
      return entry;
    },
    async start(runtime) {
      if (!anchorer) {
        options.logger.warn('CONVENE_AUDIT_ANCHOR_KEY is not set: the audit chain is not anchored, so a chain rewritten in the database would still verify');
        return;
      }
      await ensureTopics(runtime.kafka, [runtime.topics.auditAnchors], { partitions: 1, replicationFactor: runtime.replicationFactor ?? 1 });
      send = (messages) => runtime.publisher.sendRaw(runtime.topics.auditAnchors, messages);
      anchorer.start();
    },
    async flush() {
      await anchorer?.flush();
    },
    async stop() {
      await anchorer?.stop();
    },
  };
}
