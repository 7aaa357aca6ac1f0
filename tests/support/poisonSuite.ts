/* Kafka poison, shared by the short run in `npm test` and the full run (1,000 + 1,000 per consumer) in the reliability project. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KafkaMessage, Message } from 'kafkajs';
import { createEvent, prefixedTopics, type CaseRef } from '@convene/shared/contracts';
import { createEventPublisher, DLQ_HEADERS, headerText } from '@convene/shared/kafka';
import { linkToken } from '@convene/shared/link-tokens';
import { startConference, type RunningConference } from './conference.js';
import { startAgency, type RunningAgency } from './agencies.js';
import { eventually, testKafka, uniqueId } from './infra.js';
import { incidentFor, mixed, poisonMessages } from './poison.js';
import { caseListed } from './fixtures.js';
import { recordFigures } from './figures.js';
import { letters as nameLetters } from './letters.js';

/** The broker takes at most ~1 MB per record batch, so send in chunks under that (an oversized one alone). */
function bySize(messages: Message[]): Message[][] {
  const chunks: Message[][] = [];
  let current: Message[] = [];
  let size = 0;
  for (const m of messages) {
    const bytes = Buffer.byteLength(String(m.value ?? ''));
    if (current.length > 0 && size + bytes > 800 * 1024) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(m);
    size += bytes;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

const secret = 'poison-test-partnership-secret-0123456789ab';


/** How many times each value occurs. */
function counts(list: string[]): Record<string, number> {
  return list.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r]: (acc[r] ?? 0) + 1 }), {});
}

/** The dead letters that `mine` picks out, once there are `count` of them (and half a second more for strays). */
async function deadLetters(topic: string, mine: (m: KafkaMessage) => boolean, count: number, timeoutMs: number): Promise<KafkaMessage[]> {
  const seen: KafkaMessage[] = [];
  const reader = testKafka().consumer({ groupId: uniqueId('dlq'), maxWaitTimeInMs: 100 });
  await reader.connect();
  await reader.subscribe({ topic, fromBeginning: true });
  await reader.run({ eachMessage: async ({ message }) => void (mine(message) && seen.push(message)) });
  try {
    await eventually(async () => seen.length >= count, { what: `${count} dead letters`, timeoutMs });
    await new Promise((r) => setTimeout(r, 500));
    return seen;
  } finally {
    await reader.disconnect();
  }
}

/**
 * Per consumer, `COUNT` bad messages mixed with `COUNT` good ones (duplicates and out of order among them).
 * With `figures`, the counts are recorded for docs/reliability.md as tests/reliability/last-<figures>.json.
 */
export function describePoison(COUNT: number, figures?: string): void {
  describe(`poison messages (${COUNT} bad with ${COUNT} good, duplicates and out of order)`, () => {
    const prefix = uniqueId('poison');
    const topics = prefixedTopics(prefix);
    let conference: RunningConference | undefined;
    let police: RunningAgency;
    const recorded: Record<string, unknown> = {};

    beforeAll(async () => {
      conference = await startConference(prefix);
      police = await startAgency('police', { prefix });
    });
    afterAll(async () => {
      if (figures) recordFigures(figures, { perConsumer: COUNT, ...recorded });
      await police?.stop();
      await conference?.stop();
    });

    it('the conference dead-letters every bad one with its reason and applies every good one exactly once', async () => {
      const caseRef = 'CNV-2026-990001' as CaseRef;
      const victim = linkToken(secret, { kind: 'nhs', nhsNumber: '9434765919' });
      const publisher = await createEventPublisher(testKafka());
      const listing = createEvent('conference.case.listed.v1', {
        occurredAt: new Date(), sharing: 'partnership', subject: caseRef,
        data: { caseRef, referral: { agency: 'police', referralRef: 'REF-P', criterion: 'high_risk', reason: 'Poison test' }, people: [{ role: 'victim', tokens: [victim] }] },
      });
      await publisher.sendRaw(topics.events.conference, [{ key: caseRef, value: JSON.stringify(listing) }]);
      const good = Array.from({ length: COUNT }, (_, i) => incidentFor(caseRef, victim, i));
      const bad = poisonMessages(COUNT, () => incidentFor(caseRef, victim, 0));
      const messages = mixed(good, bad);
      for (const chunk of bySize(messages)) await publisher.sendRaw(topics.events.police, chunk);
      await publisher.disconnect();

      const view = await eventually(async () => {
        const v = await conference!.service.cases.get(caseRef);
        return v && v.timeline.filter((e) => e.kind === 'incident').length === COUNT ? v : undefined;
      }, { what: 'every good incident applied', timeoutMs: 120_000 });
      const ids = view.timeline.map((e) => e.eventId);
      expect(new Set(ids).size).toBe(ids.length);
      expect(view.timeline.filter((e) => e.kind === 'incident').map((e) => e.eventId).sort()).toEqual(good.map((e) => e.id).sort());

      const letters = await deadLetters(topics.dlq, (m) => headerText(m.headers, DLQ_HEADERS.sourceTopic) === topics.events.police, COUNT, 120_000);
      expect(letters).toHaveLength(COUNT);
      expect(counts(letters.map((m) => headerText(m.headers, DLQ_HEADERS.reason)!))).toEqual(counts(bad.map((b) => b.reason)));
      expect(letters.every((m) => headerText(m.headers, DLQ_HEADERS.consumerGroup) && headerText(m.headers, DLQ_HEADERS.detail))).toBe(true);
      recorded.conference = {
        badSent: bad.length, goodSent: good.length, duplicatesSent: messages.length - bad.length - good.length,
        deadLettered: letters.length, byReason: counts(letters.map((m) => headerText(m.headers, DLQ_HEADERS.reason)!)), goodApplied: view.timeline.filter((e) => e.kind === 'incident').length,
      };
    });

    it('an agency consumer dead-letters every bad one on the conference topic and answers every good listing exactly once', async () => {
      // The conference would apply every listing too (a case view each): this test is about the police consumer.
      await conference?.stop();
      conference = undefined;
      // Good ones: listings of distinct cases, each of a victim of its own (so each research return reads only that
      // person's records), each answered by one research return (deterministic ids make a redelivery a no-op).
      const victimOf = (i: number) => [{ role: 'victim' as const, tokens: [linkToken(secret, { kind: 'nd', given: 'Ann', family: `Poison${nameLetters(i).toUpperCase()}`, dateOfBirth: '1990-01-01' })] }];
      const good = Array.from({ length: COUNT }, (_, i) => caseListed(`CNV-2026-9${String(i).padStart(5, '0')}` as CaseRef, victimOf(i)));
      const bad = poisonMessages(COUNT, () => caseListed('CNV-2026-899999' as CaseRef, victimOf(0)));
      const messages = mixed(good, bad);
      const publisher = await createEventPublisher(testKafka());
      for (const chunk of bySize(messages)) await publisher.sendRaw(topics.events.conference, chunk);
      await publisher.disconnect();

      const goodRefs = new Set(good.map((e) => String(e.subject)));
      const answeredRefs = async () => (await police.runtime.db.getClient().db(police.runtime.db.name).collection<{ caseRef?: string }>('events')
        .find({ type: 'police.research.returned.v1' }, { projection: { caseRef: 1 } }).toArray())
        .map((d) => String(d.caseRef)).filter((ref) => goodRefs.has(ref));
      // Every 3 s: on FerretDB each look reads the whole police event log, and would slow the consumer it waits for.
      await eventually(async () => new Set(await answeredRefs()).size === COUNT, { what: `${COUNT} research returns`, timeoutMs: 420_000, intervalMs: 3000 });
      // The conference reads its own topic too, so count only the letters of the police consumer's group.
      const letters = await deadLetters(topics.dlq, (m) => headerText(m.headers, DLQ_HEADERS.sourceTopic) === topics.events.conference
        && headerText(m.headers, DLQ_HEADERS.consumerGroup) === police.groupId, bad.length, 120_000);
      expect(letters).toHaveLength(COUNT);
      expect(counts(letters.map((m) => headerText(m.headers, DLQ_HEADERS.reason)!))).toEqual(counts(bad.map((b) => b.reason)));
      // By now every duplicate has been read too: still one research return per good listing.
      const perCase = counts(await answeredRefs());
      expect(Object.keys(perCase)).toHaveLength(COUNT);
      expect(Object.values(perCase).every((n) => n === 1)).toBe(true);
      expect((await fetch(`${police.url}/health`)).status).toBe(200);
      recorded.police = {
        badSent: bad.length, goodSent: good.length, duplicatesSent: messages.length - bad.length - good.length,
        deadLettered: letters.length, byReason: counts(letters.map((m) => headerText(m.headers, DLQ_HEADERS.reason)!)), goodApplied: Object.keys(perCase).length,
      };
    });
  });
}
