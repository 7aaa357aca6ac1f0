import { describe, expect, it } from 'vitest';
import { createRecordEvent, type CaseEvent, type DataOf, type EventType, type Subject } from '@convene/shared/contracts';
import { linkToken } from '@convene/shared/link-tokens';
import { monthWindow, suppress } from '@convene/shared/statistics';
import { policeCells } from './measures.js';

const SECRET = 'test-partnership-secret-0123456789abcdef';
const victim = (nhsNumber: string): Subject[] => [{ role: 'victim', tokens: [linkToken(SECRET, { kind: 'nhs', nhsNumber })] }];
const V1 = victim('943 476 5919');
const V2 = victim('401 023 2137');

function rec<T extends EventType>(type: T, at: string, data: DataOf<T>, subjects: Subject[] = V1): CaseEvent {
  return createRecordEvent(type, { occurredAt: at, sharing: 'agency', subjects, data });
}

const incident = (at: string, offenceClass: DataOf<'police.incident.recorded.v1'>['offenceClass'], subjects = V1) =>
  rec('police.incident.recorded.v1', at, { incidentRef: 'INC-1', behaviours: ['messages'], offenceClass, summary: 'x' }, subjects);
const dash = (at: string, grade: 'standard' | 'medium' | 'high' | null, victimOwnView: 'standard' | 'medium' | 'high' | null = null) =>
  rec('police.risk.assessed.v1', at, {
    assessmentRef: 'DASH-1', tool: 'DASH', outcome: grade ? 'completed' : 'declined', grade, yesCount: grade ? 3 : null,
    raisedByProfessionalJudgement: false, stalkingQuestionTicked: false, sdashYesCount: null, victimOwnView,
  });

const value = (cells: ReturnType<typeof policeCells>, measure: string, breakdown?: string) =>
  cells.find((c) => c.measure === measure && c.breakdown === breakdown)?.value;

describe('police monthly figures', () => {
  const window = monthWindow('2026-03');

  it('counts records in the month only, offences by the class they were recorded under', () => {
    const cells = policeCells([
      incident('2026-02-28T23:59:59Z', 'pha_s2a'),
      incident('2026-03-01T00:00:00Z', 'pha_s2a'),
      incident('2026-03-31T23:59:59Z', 'pha_s2'),
      rec('police.classification.changed.v1', '2026-03-10T00:00:00Z', { crimeRef: 'INC-1', from: 'pha_s2', to: 'pha_s2a', reason: 'x' }),
      rec('police.classification.changed.v1', '2026-03-11T00:00:00Z', { crimeRef: 'INC-2', from: 'pha_s4a', to: 'pha_s4', reason: 'x' }),
      incident('2026-04-01T00:00:00Z', 'pha_s4a'),
    ], window);
    expect(value(cells, 'offences.recorded', 'pha_s2a')).toBe(1);
    expect(value(cells, 'offences.recorded', 'pha_s2')).toBe(1);
    expect(value(cells, 'offences.recorded', 'pha_s4a')).toBe(0);
    expect(value(cells, 'reclassifications', 'harassment_to_stalking')).toBe(1);
    expect(value(cells, 'reclassifications', 'stalking_to_harassment')).toBe(1);
  });

  it('counts offences by their class now too: harassment later recognised as stalking counts as stalking, in the month it happened', () => {
    const recorded = (ref: string, at: string, offenceClass: 'pha_s2' | 'pha_s4a') => rec('police.incident.recorded.v1', at, { incidentRef: ref, behaviours: ['messages'], offenceClass, summary: 'x' }, V1);
    const cells = policeCells([
      recorded('INC-A', '2026-03-05T10:00:00Z', 'pha_s2'),
      recorded('INC-B', '2026-03-06T10:00:00Z', 'pha_s2'),
      recorded('INC-C', '2026-03-07T10:00:00Z', 'pha_s4a'),
      // Reclassified after the month ended (then back and forth for C): the class now is the last change.
      rec('police.classification.changed.v1', '2026-04-20T00:00:00Z', { crimeRef: 'INC-A', from: 'pha_s2', to: 'pha_s2a', reason: 'Fixated, repeated' }),
      rec('police.classification.changed.v1', '2026-04-02T00:00:00Z', { crimeRef: 'INC-C', from: 'pha_s4a', to: 'pha_s4', reason: 'x' }),
      rec('police.classification.changed.v1', '2026-04-09T00:00:00Z', { crimeRef: 'INC-C', from: 'pha_s4', to: 'pha_s4a', reason: 'x' }),
    ], window);
    expect([value(cells, 'offences.recorded', 'pha_s2'), value(cells, 'offences.recorded', 'pha_s2a')]).toEqual([2, 0]);
    expect([value(cells, 'offences.current_class', 'pha_s2'), value(cells, 'offences.current_class', 'pha_s2a'), value(cells, 'offences.current_class', 'pha_s4a')]).toEqual([1, 1, 1]);
  });

  it('counts DASH outcomes and grades, and incidents with no DASH for their victim within 30 days', () => {
    const cells = policeCells([
      incident('2026-03-02T10:00:00Z', 'pha_s2'),
      incident('2026-03-03T10:00:00Z', 'pha_s2', V2),
      dash('2026-02-20T10:00:00Z', 'medium'), // before the month, but within 30 days of V1's incident
      dash('2026-03-05T10:00:00Z', 'standard', 'high'),
      dash('2026-03-06T10:00:00Z', 'high', 'high'),
      dash('2026-03-07T10:00:00Z', null),
    ], window);
    expect(value(cells, 'dash', 'completed')).toBe(2);
    expect(value(cells, 'dash', 'declined')).toBe(1);
    expect(value(cells, 'dash', 'not_done')).toBe(1);
    expect(value(cells, 'risk.grade', 'standard')).toBe(1);
    expect(value(cells, 'risk.grade', 'high')).toBe(1);
    expect(value(cells, 'risk.victim_view_higher')).toBe(1);
  });

  it('counts SPOs, breaches and arrests, and the same records give the same cells in the same order', () => {
    const records = [
      rec('police.spo.applied.v1', '2026-03-02T10:00:00Z', { orderRef: 'SPO-1', kind: 'interim' }),
      rec('police.spo.granted.v1', '2026-03-03T10:00:00Z', { orderRef: 'SPO-1', kind: 'interim', conditions: ['x'], expiresOn: '2026-09-01' }),
      rec('police.spo.breached.v1', '2026-03-04T10:00:00Z', { orderRef: 'SPO-1', breachedAt: '2026-03-04T10:00:00Z', behaviours: ['messages'] }),
      rec('police.arrest.made.v1', '2026-03-05T10:00:00Z', { arrestRef: 'ARR-1', offenceClass: 'pha_s2a' }),
    ];
    const cells = policeCells(records, window);
    expect([value(cells, 'spo.applications'), value(cells, 'spo.grants', 'interim'), value(cells, 'spo.grants', 'full'), value(cells, 'spo.breaches'), value(cells, 'arrests')]).toEqual([1, 1, 0, 1, 1]);
    expect(policeCells([...records].reverse(), window)).toEqual(cells);
    // Published, all of these are too small to show.
    expect(suppress(cells, 5).filter((c) => c.suppressed).map((c) => c.measure)).toEqual(['spo.applications', 'spo.grants', 'spo.breaches', 'arrests']);
  });
});
