import { describe, expect, it } from 'vitest';
import { createEvent } from '../contracts/index.js';
import { caseRefsNamedBy, eventOfEntry, outboxEntry, storedEvent } from './eventStore.js';

const caseRef = 'CNV-2026-000101';
const other = 'CNV-2026-000102';

describe('outbox entry', () => {
  const closed = createEvent('conference.case.closed.v1', {
    occurredAt: new Date('2026-11-02T10:00:00Z'), sharing: 'partnership', subject: caseRef as never,
    data: { caseRef: caseRef as never, reason: 'risk_reduced', closedBy: { userId: 'chair-1' } },
  });

  it('packs the event and gives it back equal', () => {
    const entry = outboxEntry(storedEvent(closed, true, 7), true);
    expect(entry).toMatchObject({ _id: closed.id, seq: 7, project: true, publish: true, caseRefs: [caseRef] });
    expect(entry).not.toHaveProperty('event');
    expect((entry.packed as Uint8Array).length).toBeLessThan(JSON.stringify(closed).length);
    expect(eventOfEntry(entry)).toEqual(closed);
  });

  it('names the subject, a caseRef and every case on an agenda, once each', () => {
    const agenda = { ...closed, subject: undefined, data: { agenda: [caseRef, other, caseRef], caseRef } } as never;
    expect(caseRefsNamedBy(agenda)).toEqual([caseRef, other]);
    expect(caseRefsNamedBy(closed)).toEqual([caseRef]);
  });
});
