import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Kafka } from 'kafkajs';
import type { prefixedTopics } from '@convene/shared/contracts';
import { ensureTopics, type EventPublisher } from '@convene/shared/kafka';
import type { Logger } from '@convene/shared/log';
import { createMeetingLogs, type MeetingLogsOptions, type Push } from './meetingLogs.js';
import type { LivePresence, NewPush } from './messages.js';
import { createLivePublisher, type LivePublisher } from './publisher.js';
import { soonAfterCreation, startLiveReader, withAdmin, type LiveReader } from './reader.js';

export type { Push } from './meetingLogs.js';
export type { NewPush } from './messages.js';

export interface LiveOptions extends MeetingLogsOptions {
  logger: Logger;
  retentionHours: number;
  partitions: number;
  /** Names this instance's consumer group and presence; unique per process. */
  instanceId?: string;
}

export interface LiveRuntime {
  kafka: Kafka;
  publisher: EventPublisher;
  topics: ReturnType<typeof prefixedTopics>;
  replicationFactor?: number;
}

/**
 * The live path: the projector writes pushes to the live topic, every instance reads the whole topic into its
 * meeting logs and hands each push to its own sockets. Catch-up and presence are served from those logs.
 */
export function createLive(options: LiveOptions) {
  const instanceId = options.instanceId ?? `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
  const logs = createMeetingLogs(options);
  const listeners = new Set<(push: Push) => void>();
  let publisher: LivePublisher | undefined;
  let reader: LiveReader | undefined;
  let silenced = false;

  const started = (): LivePublisher => {
    if (!publisher) throw new Error('the live path is not started');
    return publisher;
  };

  return {
    instanceId,
    logs,
    /** Called with every new push, in the topic's order; returns how to stop listening. */
    onPush(listener: (push: Push) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Resolves once this instance holds every push written before it started (joins wait for it). */
    caughtUp(): Promise<void> {
      return reader?.caughtUp ?? Promise.reject(new Error('the live path is not started'));
    },
    async start(runtime: LiveRuntime): Promise<void> {
      const topic = runtime.topics.live;
      await ensureTopics(runtime.kafka, [topic], {
        partitions: options.partitions,
        replicationFactor: runtime.replicationFactor ?? 1,
        configEntries: [{ name: 'retention.ms', value: String(options.retentionHours * 3_600_000) }],
      });
      const metadata = await soonAfterCreation(() => withAdmin(runtime.kafka, (admin) => admin.fetchTopicMetadata({ topics: [topic] })));
      const partitions = metadata.topics[0]?.partitions.length ?? options.partitions;
      publisher = createLivePublisher(runtime.publisher, topic, () => partitions);
      reader = await startLiveReader({
        kafka: runtime.kafka, topic, groupId: `${runtime.topics.group('conference-live')}-${instanceId}`, logs,
        onPush: (push) => {
          for (const listener of listeners) listener(push);
        },
        publisher: runtime.publisher, dlqTopic: runtime.topics.dlq, logger: options.logger, keepMs: options.retentionHours * 3_600_000,
      });
    },
    async stop(): Promise<void> {
      await reader?.stop();
      reader = undefined;
    },
    /** For a replay that rebuilds the read model and must tell no one: pushes and retractions are not written. */
    silence(): void {
      silenced = true;
    },
    pushes: async (pushes: readonly NewPush[]) => (silenced ? undefined : started().pushes(pushes)),
    presence: (message: Omit<LivePresence, 'type'>) => started().presence(message),
    retract: async (caseRef: string, scope: 'advocacy' | 'all') => (silenced ? undefined : started().retract(caseRef, scope)),
  };
}

export type Live = ReturnType<typeof createLive>;
