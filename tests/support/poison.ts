import { randomUUID } from 'node:crypto';
import type { Message } from 'kafkajs';
import { createEvent, type CaseEvent } from '@convene/shared/contracts';
import { toMessage } from '@convene/shared/kafka';

/** Every kind of message a consumer must turn away, with the DLQ reason it should get. */
export function poisonMessages(count: number, valid: () => CaseEvent): { message: Message; reason: string }[] {
  const out: { message: Message; reason: string }[] = [];
  for (let i = 0; i < count; i++) {
    const base = valid();
    switch (i % 5) {
      case 0:
        out.push({ reason: 'unparseable', message: { key: 'k', value: `{"broken": ${i}` } });
        break;
      case 1:
        out.push({ reason: 'oversized', message: { key: 'k', value: JSON.stringify({ ...base, pad: 'x'.repeat(950 * 1024) }) } });
        break;
      case 2:
        out.push({ reason: 'schema', message: { key: 'k', value: JSON.stringify({ ...base, id: `not-a-uuid-${i}` }) } });
        break;
      case 3:
        out.push({ reason: 'unknown_type', message: { key: 'k', value: JSON.stringify({ ...base, type: 'police.teleport.v1' }) } });
        break;
      default:
        out.push({ reason: 'schema', message: { key: 'k', value: JSON.stringify({ ...base, sharing: 'agency' }) } });
    }
  }
  return out;
}

/** Interleave good and bad messages, with every good one also sent a second time (a duplicate) and out of order. */
export function mixed(good: CaseEvent[], bad: { message: Message }[]): Message[] {
  const goodMessages = good.map(toMessage);
  const duplicates = [...goodMessages].reverse().slice(0, Math.ceil(good.length / 4));
  const all: Message[] = [];
  const n = Math.max(goodMessages.length, bad.length);
  for (let i = 0; i < n; i++) {
    if (bad[i]) all.push(bad[i]!.message);
    if (goodMessages[i]) all.push(goodMessages[i]!);
  }
  return [...all, ...duplicates];
}

export function incidentFor(caseRef: string, victimToken: string, i: number): CaseEvent {
  return createEvent('police.incident.recorded.v1', {
    id: randomUUID(), occurredAt: new Date(Date.now() - i * 60_000), sharing: 'partnership', subject: caseRef as never,
    subjects: [{ role: 'victim', tokens: [victimToken] }],
    data: { incidentRef: `INC-P-${i}`, behaviours: ['messages'], offenceClass: 'pha_s2', summary: `Poison test ${i}` },
  });
}
