import { describe, expect, it } from 'vitest';
import { createEvent, type CaseEvent } from '@convene/shared/contracts';
import type { PoliceRecord } from '../db/records.js';
import { decideIncident, incidentState, type IncidentCommand, type IncidentDecision } from './incident.js';
import { policeRecords } from './records.js';

const subjects = [{ role: 'victim' as const, tokens: ['lt1.nhs.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'] }];
const at = '2026-11-02T09:00:00.000Z';
const incident = { behaviours: ['messages' as const], offenceClass: 'pha_s2' as const, summary: 'Messages every night' };

/** Given these events (folded by the read model's evolve), when this command, then these events. */
function given(events: IncidentDecision[]) {
  const record = events
    .map((e): CaseEvent => createEvent(e.type, { occurredAt: at, sharing: 'partnership', subjects, data: e.data as never }))
    .reduce<PoliceRecord | undefined>((r, e) => policeRecords.evolve(r, e), undefined);
  return { when: (command: IncidentCommand) => () => decideIncident(command, record && incidentState(record)) };
}

const recorded: IncidentDecision = { type: 'police.incident.recorded.v1', data: { incidentRef: 'INC-1', ...incident } };
const record: IncidentCommand = { kind: 'record', incidentRef: 'INC-1', incident };

describe('the incident decider', () => {
  it('records a new incident under the reference it is given, once', () => {
    expect(given([]).when(record)()).toEqual([recorded]);
    expect(given([recorded]).when(record)).toThrow(expect.objectContaining({ code: 'incident_exists', status: 409 }));
  });

  it('reclassifies from what the incident is now, with the reason, and refuses the same class again', () => {
    const toStalking: IncidentCommand = { kind: 'reclassify', to: 'pha_s2a', reason: 'Fixated, obsessive, unwanted, repeated' };
    const changed: IncidentDecision = { type: 'police.classification.changed.v1', data: { crimeRef: 'INC-1', from: 'pha_s2', to: 'pha_s2a', reason: 'Fixated, obsessive, unwanted, repeated' } };
    expect(given([recorded]).when(toStalking)()).toEqual([changed]);
    expect(given([recorded, changed]).when(toStalking)).toThrow(expect.objectContaining({ code: 'same_classification', status: 409 }));
    expect(given([recorded, changed]).when({ kind: 'reclassify', to: 'pha_s2', reason: 'Charged as harassment' })()).toMatchObject([{ data: { from: 'pha_s2a', to: 'pha_s2' } }]);
  });

  it('reclassifies only an incident that is recorded', () => {
    expect(given([]).when({ kind: 'reclassify', to: 'pha_s2a', reason: 'x' })).toThrow(expect.objectContaining({ status: 404 }));
  });
});
