import { CRASH_AFTER_RECORD } from '../support/hooks/index.js';
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Schema } from 'mongoose';
import { createEventPublisher, ensureTopics, runEventConsumer } from '@convene/shared/kafka';
import { insertManyIdempotent } from '@convene/shared/mongo';
import { prefixedTopics, type EventOfType } from '@convene/shared/contracts';
import { startService, waitHealthy, type RunningService } from '../../scripts/lib/services.js';
import { devEnvironment } from '../../scripts/lib/devSecrets.js';
import { brokers, eventually, freshDatabase, mongoUrl, testKafka, testLogger, uniqueId } from '../support/infra.js';
import { freePort } from '../support/ports.js';
import { client, tokenFor } from '../support/agencies.js';
import { readTopic } from '../support/topicReader.js';
import { caseListed, newCaseRef, people, publishAsConference } from '../support/fixtures.js';

describe('outbox across a crash', () => {
  const processes: RunningService[] = [];
  afterAll(async () => {
    await Promise.all(processes.map((p) => p.stop('SIGKILL')));
  });

  it('an event appended just before kill -9 is published after restart and applied once downstream', async () => {
    const prefix = uniqueId('crash');
    const topics = prefixedTopics(prefix);
    await ensureTopics(testKafka(), [...Object.values(topics.events), topics.dlq], { partitions: 3 });
    const port = await freePort();
    const logDir = mkdtempSync(join(tmpdir(), 'convene-crash-'));
    const env = devEnvironment({
      PORT: String(port), KAFKA_BROKERS: brokers().join(','), MONGO_URL: mongoUrl(), KAFKA_TOPIC_PREFIX: prefix, MONGO_DB_SUFFIX: prefix, LOG_LEVEL: 'warn',
    });

    // Downstream stand-in for the conference: applies each event idempotently by id.
    const { db, drop } = await freshDatabase();
    const Applied = db.model('Applied', new Schema({ _id: String, ref: String }, { versionKey: false }));
    let deliveries = 0;
    const publisher = await createEventPublisher(testKafka());
    const downstream = await runEventConsumer({
      kafka: testKafka(), groupId: uniqueId('downstream'), topics: [topics.events.police], dlqTopic: topics.dlq, publisher, logger: testLogger,
      apply: async (events) => {
        const incidents = events.filter((e) => e.event.type === 'police.incident.recorded.v1');
        deliveries += incidents.length;
        await insertManyIdempotent(Applied, incidents.map(({ event }) => ({ _id: event.id, ref: (event as EventOfType<'police.incident.recorded.v1'>).data.incidentRef })));
      },
    });

    const crashing = startService('police', env, logDir, { preload: [CRASH_AFTER_RECORD] });
    processes.push(crashing);
    await waitHealthy(crashing);
    const api = client(crashing.url, await tokenFor({ sub: 'pc-9', agency: 'police', role: 'police' }));
    const victim = (await api.post('/people', people.victim)).body;
    const topic = await readTopic(topics.events.police);
    const caseRef = newCaseRef();
    await publishAsConference(prefix, caseListed(caseRef, [{ role: 'victim', tokens: victim.tokens }]));
    await topic.waitFor((e) => e.type === 'police.research.returned.v1', 'research return before the crash');

    const summary = `Crash test ${uniqueId()}`;
    await expect(api.post('/incidents', {
      subjects: [{ personId: victim.personId, role: 'victim' }], occurredAt: new Date().toISOString(), behaviours: ['calls'], offenceClass: 'pha_s2', summary,
    })).rejects.toThrow();
    await eventually(async () => crashing.process.signalCode === 'SIGKILL', { what: 'the service to die by SIGKILL' });
    await new Promise((r) => setTimeout(r, 1000));
    expect(topic.events.some((e) => e.type === 'police.incident.recorded.v1')).toBe(false);

    const restarted = startService('police', env, logDir);
    processes.push(restarted);
    await waitHealthy(restarted);
    const published = await topic.waitFor((e) => e.type === 'police.incident.recorded.v1' && e.data.summary === summary, 'the incident after restart');
    expect(published.subject).toBe(caseRef);
    await eventually(async () => (await Applied.countDocuments({ _id: published.id })) === 1, { what: 'downstream apply' });
    expect(await Applied.countDocuments()).toBe(1);
    expect(deliveries).toBeGreaterThanOrEqual(1);

    await topic.stop();
    await downstream.stop();
    await publisher.disconnect();
    await drop();
    expect(await restarted.stop('SIGTERM')).toBe(0);
  });
});
