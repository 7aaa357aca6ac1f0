import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import { prefixedTopics, type MeetingPush } from '@convene/shared/contracts';
import type { EventPublisher } from '@convene/shared/kafka';
import { createMeetingLogs } from '../../services/conference/src/live/meetingLogs.js';
import { startLiveReader } from '../../services/conference/src/live/reader.js';
import { testLogger } from './infra.js';

/**
 * A meeting's pushes as a conference instance starting now would hold them: the live topic read from its start
 * with the conference's own reader (redeliveries dropped, retractions applied).
 */
export async function readLiveLog(kafka: Kafka, prefix: string, meetingId: string, publisher: EventPublisher): Promise<MeetingPush[]> {
  const topics = prefixedTopics(prefix);
  const logs = createMeetingLogs({ maxPerMeeting: Number.MAX_SAFE_INTEGER });
  const reader = await startLiveReader({
    kafka, topic: topics.live, groupId: `live-check-${randomUUID()}`, logs, onPush: () => undefined,
    publisher, dlqTopic: topics.dlq, logger: testLogger, keepMs: 24 * 3_600_000,
  });
  try {
    await reader.caughtUp;
  } finally {
    await reader.stop();
  }
  return logs.since(meetingId, 0);
}
