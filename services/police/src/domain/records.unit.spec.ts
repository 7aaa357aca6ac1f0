import { describe, expect, it } from 'vitest';
import { createEvent, type CaseEvent } from '@convene/shared/contracts';
import type { PoliceRecord } from '../db/records.js';
import { policeRecords } from './records.js';

const subjects = [{ role: 'victim' as const, tokens: ['lt1.nhs.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'] }];
const at = '2026-11-02T09:00:00.000Z';

/** Given these events, the record they fold into (the store appends each event id as it writes). */
function given(events: CaseEvent[]): PoliceRecord | undefined {
  return events.reduce<PoliceRecord | undefined>((record, event) => {
    const next = policeRecords.evolve(record, event);
    return next && { ...next, eventIds: [...next.eventIds, event.id] };
  }, undefined);
}

const incident = createEvent('police.incident.recorded.v1', {
  occurredAt: at, sharing: 'partnership', subjects,
  data: { incidentRef: 'INC-1', behaviours: ['messages'], offenceClass: 'pha_s2', summary: 'Messages every night' },
});
const applied = createEvent('police.spo.applied.v1', { occurredAt: at, sharing: 'partnership', subjects, data: { orderRef: 'SPO-1', kind: 'interim' } });
const granted = createEvent('police.spo.granted.v1', {
  occurredAt: at, sharing: 'partnership', subjects, data: { orderRef: 'SPO-1', kind: 'interim', conditions: ['No contact'], expiresOn: '2027-05-01' },
});
const breachOf = (orderRef: string) => createEvent('police.spo.breached.v1', { occurredAt: at, sharing: 'partnership', subjects, data: { orderRef, breachedAt: at, behaviours: ['following'] } });

describe('the police read model, folded', () => {
  it('files an incident under its reference and takes a reclassification', () => {
    const reclassified = createEvent('police.classification.changed.v1', { occurredAt: at, sharing: 'partnership', subjects, data: { crimeRef: 'INC-1', from: 'pha_s2', to: 'pha_s2a', reason: 'Fixated and repeated' } });
    expect(policeRecords.refOf(incident)).toBe('INC-1');
    expect(given([incident, reclassified])).toMatchObject({ _id: 'INC-1', kind: 'incident', offenceClass: 'pha_s2a', detail: { summary: 'Messages every night', sharing: 'partnership' }, eventIds: [incident.id, reclassified.id] });
  });

  it('records nothing for a reclassification or a breach of a record it does not hold', () => {
    const reclassified = createEvent('police.classification.changed.v1', { occurredAt: at, sharing: 'partnership', subjects, data: { crimeRef: 'INC-9', from: 'pha_s2', to: 'pha_s2a', reason: 'Fixated and repeated' } });
    expect(policeRecords.evolve(undefined, breachOf('SPO-9'))).toBeUndefined();
    expect(policeRecords.evolve(undefined, reclassified)).toBeUndefined();
  });

  it('keeps an order\'s state and its breaches', () => {
    const breach = breachOf('SPO-1');
    expect(given([applied, granted, breach])).toMatchObject({
      _id: 'SPO-1', kind: 'spo', status: 'granted', detail: { conditions: ['No contact'] }, breaches: [{ eventId: breach.id, at }],
    });
  });
});
