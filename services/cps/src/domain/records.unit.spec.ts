import { describe, expect, it } from 'vitest';
import { createEvent, type CaseEvent } from '@convene/shared/contracts';
import type { CpsRecord } from '../db/records.js';
import { cpsRecords } from './records.js';

const subjects = [{ role: 'suspect' as const, tokens: ['lt1.pnc.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'] }];
const at = '2026-11-02T09:00:00.000Z';

/** Given these events, the record they fold into (the store appends each event id as it writes). */
function given(events: CaseEvent[]): CpsRecord | undefined {
  return events.reduce<CpsRecord | undefined>((record, event) => {
    const next = cpsRecords.evolve(record, event);
    return next && { ...next, eventIds: [...next.eventIds, event.id] };
  }, undefined);
}

const made = createEvent('cps.restraining_order.made.v1', {
  occurredAt: at, sharing: 'partnership', subjects, subject: 'CNV-2026-000101',
  data: { orderRef: 'RO-1', onConviction: true, conditions: ['No contact with the victim'], expiresOn: '2028-01-01' },
});
const breachOf = (orderRef: string) => createEvent('cps.restraining_order.breached.v1', { occurredAt: at, sharing: 'partnership', subjects, data: { orderRef, breachedAt: at, behaviours: ['following'] } });

describe('the CPS read model, folded', () => {
  it('files a hearing under its case file (URN) and its case', () => {
    const hearing = createEvent('cps.hearing.scheduled.v1', {
      occurredAt: at, sharing: 'partnership', subjects, subject: 'CNV-2026-000101',
      data: { hearingRef: 'HRG-1', urn: '13AB1234567', court: 'Leeds Magistrates', hearingAt: at, hearingType: 'plea' },
    });
    expect(given([hearing])).toMatchObject({ _id: 'HRG-1', kind: 'hearing', status: 'plea', urn: '13AB1234567', caseRef: 'CNV-2026-000101', sharing: 'partnership' });
  });

  it('keeps an order with its breaches, and records no breach of an order it does not hold', () => {
    const breach = breachOf('RO-1');
    expect(given([made, breach])).toMatchObject({ _id: 'RO-1', kind: 'restraining_order', breaches: [{ eventId: breach.id, at }], eventIds: [made.id, breach.id] });
    expect(cpsRecords.evolve(undefined, breachOf('RO-9'))).toBeUndefined();
  });
});
