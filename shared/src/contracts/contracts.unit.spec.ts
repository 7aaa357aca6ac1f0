import { describe, expect, it, expectTypeOf } from 'vitest';
import { randomUUID } from 'node:crypto';
import { linkToken } from '../link-tokens/index.js';
import {
  CaseEvent, createEvent, eventTypes, InvalidEventError, parseEvent, parseEventBytes, upcast,
  type EventOfType, type PoliceIncidentRecorded,
} from './index.js';
import type { z } from 'zod';

const secret = 'a-test-partnership-secret-of-at-least-32-chars';
const victim = linkToken(secret, { kind: 'nhs', nhsNumber: '943 476 5919' });

function incident(overrides: Record<string, unknown> = {}) {
  return {
    ...createEvent('police.incident.recorded.v1', {
      occurredAt: '2026-10-01T09:30:00Z',
      sharing: 'partnership',
      subject: 'CNV-2026-000001',
      subjects: [{ role: 'victim', tokens: [victim] }],
      data: { incidentRef: 'INC-1', behaviours: ['gifts', 'loitering_work'], offenceClass: 'pha_s2', summary: 'Flowers left at workplace' },
    }),
    ...overrides,
  };
}

describe('event contracts', () => {
  it('covers every agency and every event family in the design', () => {
    for (const type of [
      'police.incident.recorded.v1', 'police.risk.assessed.v1', 'police.classification.changed.v1', 'police.arrest.made.v1',
      'police.bail.set.v1', 'police.spo.applied.v1', 'police.spo.granted.v1', 'police.spo.breached.v1', 'police.referral.made.v1',
      'cps.history.requested.v1', 'cps.charging.decided.v1', 'cps.hearing.scheduled.v1', 'cps.case.outcome.v1',
      'cps.restraining_order.made.v1', 'cps.bail.conditions.set.v1',
      'health.concern.flagged.v1', 'health.concern.updated.v1', 'health.concern.resolved.v1', 'health.disclosure.requested.v1',
      'health.disclosure.decided.v1',
      'advocacy.victim.engaged.v1', 'advocacy.victim.view.recorded.v1', 'advocacy.safety_plan.updated.v1', 'advocacy.diary.entry.v1',
      'conference.case.listed.v1', 'conference.meeting.scheduled.v1', 'conference.meeting.started.v1', 'conference.meeting.ended.v1',
      'conference.agenda.moved.v1', 'conference.case.reviewed.v1', 'conference.action.assigned.v1', 'conference.action.updated.v1',
      'conference.case.closed.v1',
    ]) expect(eventTypes.has(type), type).toBe(true);
    for (const agency of ['police', 'cps', 'health', 'advocacy']) {
      for (const family of ['research.returned', 'action.accepted', 'action.completed', 'statistics.published']) {
        expect(eventTypes.has(`${agency}.${family}.v1`), `${agency}.${family}`).toBe(true);
      }
    }
  });

  it('builds a valid envelope with CloudEvents attributes and the agency legal basis', () => {
    const e = incident();
    expect(e).toMatchObject({ specversion: '1.0', source: 'convene/police', agency: 'police', legalbasis: 'dpa-2018-part-3', datacontenttype: 'application/json' });
    expect(parseEvent(JSON.parse(JSON.stringify(e)))).toEqual({ ok: true, event: e });
  });

  it('derives types from the schemas', () => {
    expectTypeOf<EventOfType<'police.incident.recorded.v1'>>().toEqualTypeOf<z.infer<typeof PoliceIncidentRecorded>>();
    expectTypeOf<EventOfType<'police.incident.recorded.v1'>['data']['behaviours']>().toEqualTypeOf<
      ('messages' | 'calls' | 'social_media' | 'following' | 'loitering_home' | 'loitering_work' | 'approaching' | 'gifts' |
        'property_damage' | 'threats' | 'violence' | 'tracking' | 'contacting_third_parties' | 'identity_misuse')[]>();
  });

  it('rejects an unknown behaviour naming the field', () => {
    const bad = incident({ data: { incidentRef: 'INC-1', behaviours: ['waving'], offenceClass: 'pha_s2', summary: 'x' } });
    const result = parseEvent(bad);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toBe('schema');
      expect(result.detail).toContain('data.behaviours.0');
    }
  });

  it('never accepts agency-only records on the bus', () => {
    const result = parseEvent(incident({ sharing: 'agency' }));
    expect(result).toMatchObject({ ok: false, reason: 'schema' });
    expect(!result.ok && result.detail).toContain('agency-only');
  });

  it('requires an audience exactly when restricted', () => {
    expect(parseEvent(incident({ sharing: 'restricted' }))).toMatchObject({ ok: false, reason: 'schema' });
    expect(parseEvent(incident({ sharing: 'restricted', audience: [{ agency: 'cps' }] })).ok).toBe(true);
    expect(parseEvent(incident({ audience: [{ agency: 'cps' }] }))).toMatchObject({ ok: false });
  });

  it('holds each agency to its legal basis', () => {
    expect(parseEvent(incident({ legalbasis: 'uk-gdpr-art-6-1-e+art-9-2-h' }))).toMatchObject({ ok: false, reason: 'schema' });
    expect(() => createEvent('health.concern.flagged.v1', {
      occurredAt: new Date(), sharing: 'partnership', legalbasis: 'dpa-2018-part-3',
      data: { concernRef: 'C1', subjectRole: 'victim', category: 'injury', severity: 'high', contact: { service: 'ED safeguarding' } },
    })).toThrow(InvalidEventError);
  });

  it('classifies what it cannot accept', () => {
    expect(parseEventBytes(Buffer.from('{not json'))).toMatchObject({ ok: false, reason: 'unparseable' });
    expect(parseEventBytes(null)).toMatchObject({ ok: false, reason: 'unparseable' });
    expect(parseEventBytes(Buffer.alloc(2048, 32), { maxBytes: 1024 })).toMatchObject({ ok: false, reason: 'oversized' });
    expect(parseEvent({ ...incident(), type: 'police.teleport.v1' })).toMatchObject({ ok: false, reason: 'unknown_type' });
    expect(parseEvent({ ...incident(), id: 'not-a-uuid' })).toMatchObject({ ok: false, reason: 'schema' });
  });

  it('validates records embedded in a research return by the same rules', () => {
    const record = incident();
    const ret = createEvent('police.research.returned.v1', {
      occurredAt: new Date(), sharing: 'partnership', subject: 'CNV-2026-000001',
      data: { purpose: { kind: 'listing', caseRef: 'CNV-2026-000001' }, windowFrom: '2025-10-01T00:00:00Z', records: [record], withheld: [], elsewhere: [], part: { index: 1, total: 1 } },
    });
    expect(CaseEvent.safeParse(ret).success).toBe(true);
    const withAgencyOnly = { ...ret, data: { ...ret.data, records: [{ ...record, sharing: 'agency' }] } };
    const result = parseEvent(withAgencyOnly);
    expect(!result.ok && result.detail).toContain('data.records.0.sharing');
  });

  it('requires detail exactly when health discloses', () => {
    const base = {
      requestRef: randomUUID(), concernRef: 'C1', caseRef: 'CNV-2026-000001' as const, reason: 'Necessary to protect the victim',
      decidedBy: { userId: 'caldicott-1' },
    };
    expect(() => createEvent('health.disclosure.decided.v1', {
      occurredAt: new Date(), sharing: 'restricted', audience: [{ role: 'chair' }], data: { ...base, decision: 'disclosed' },
    })).toThrow(/detail/);
    expect(createEvent('health.disclosure.decided.v1', {
      occurredAt: new Date(), sharing: 'partnership', data: { ...base, decision: 'refused' },
    }).data.decision).toBe('refused');
  });
});

describe('upcast', () => {
  it('turns an old version into the current one before validation', () => {
    const current = incident();
    const v0 = { ...current, type: 'police.incident.recorded.v0', data: { ref: 'INC-1', behaviours: current.data.behaviours, offence: 'pha_s2', text: 'Flowers' } };
    const registry = new Map([['police.incident.recorded.v0', (e: Record<string, unknown>) => {
      const d = e.data as { ref: string; behaviours: string[]; offence: string; text: string };
      return { ...e, type: 'police.incident.recorded.v1', data: { incidentRef: d.ref, behaviours: d.behaviours, offenceClass: d.offence, summary: d.text } };
    }]]);
    const result = parseEvent(v0, { upcasters: registry });
    expect(result.ok && result.event.type).toBe('police.incident.recorded.v1');
    expect(parseEvent(v0)).toMatchObject({ ok: false, reason: 'unknown_type' });
  });

  it('refuses a registry that loops', () => {
    const loop = new Map([['a', (e: Record<string, unknown>) => ({ ...e, type: 'a' })]]);
    expect(() => upcast({ type: 'a' }, loop)).toThrow(/cycle/);
  });
});
