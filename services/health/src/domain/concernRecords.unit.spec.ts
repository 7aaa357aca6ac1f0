import { describe, expect, it } from 'vitest';
import { createEvent, type CaseEvent } from '@convene/shared/contracts';
import type { ConcernDocument } from '../db/concerns.js';
import { concernRecords } from './concernRecords.js';

const subjects = [{ role: 'victim' as const, tokens: ['lt1.nhs.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'] }];
const at = '2026-11-02T09:00:00.000Z';
const contact = { service: 'Safeguarding team', telephone: '0113 243 3144' };

/** Given these events, folded over what the service held, the concern they make (the store appends each event id). */
function given(events: CaseEvent[], held?: ConcernDocument): ConcernDocument | undefined {
  return events.reduce<ConcernDocument | undefined>((record, event) => {
    const next = concernRecords.evolve(record, event);
    return next && { ...next, eventIds: [...next.eventIds, event.id] };
  }, held);
}

const flagged = createEvent('health.concern.flagged.v1', {
  occurredAt: at, sharing: 'restricted', audience: [{ agency: 'police' }], subjects,
  data: { concernRef: 'CON-1', subjectRole: 'victim', category: 'injury', severity: 'high', contact },
});
const updated = (concernRef = 'CON-1') => createEvent('health.concern.updated.v1', { occurredAt: at, sharing: 'partnership', subjects, data: { concernRef, severity: 'medium' } });
const resolved = (concernRef = 'CON-1') => createEvent('health.concern.resolved.v1', { occurredAt: at, sharing: 'partnership', subjects, data: { concernRef, resolution: 'transferred' } });

describe('the health read model of concerns, folded', () => {
  it('opens a flagged concern, from the API unless intake said otherwise', () => {
    expect(concernRecords.refOf(flagged)).toBe('CON-1');
    expect(given([flagged])).toEqual({
      _id: 'CON-1', subjects, subjectRole: 'victim', category: 'injury', severity: 'high', contact, sharing: 'restricted', audience: [{ agency: 'police' }],
      occurredAt: new Date(at), status: 'open', source: 'api', eventIds: [flagged.id],
    });
  });

  it('keeps the source and clinical detail kept at intake, before the flag was recorded', () => {
    // As intake keeps it: no event yet, so no status and none of the flag.
    const kept: ConcernDocument = { _id: 'CON-1', source: 'fhir', detail: 'Bruising to both wrists', eventIds: [] };
    expect(given([flagged], kept)).toMatchObject({ source: 'fhir', detail: 'Bruising to both wrists', status: 'open', category: 'injury', eventIds: [flagged.id] });
  });

  it('changes only what an update names, and resolves', () => {
    const u = updated();
    const r = resolved();
    expect(given([flagged, u, r])).toMatchObject({ category: 'injury', severity: 'medium', status: 'resolved', resolution: 'transferred', eventIds: [flagged.id, u.id, r.id] });
  });

  it('never reopens a resolved concern when it is flagged again', () => {
    expect(given([flagged, resolved(), flagged])).toMatchObject({ status: 'resolved' });
  });

  it('records nothing for an update or resolution of a concern it does not hold', () => {
    expect(concernRecords.evolve(undefined, updated('CON-9'))).toBeUndefined();
    expect(concernRecords.evolve(undefined, resolved('CON-9'))).toBeUndefined();
  });
});
