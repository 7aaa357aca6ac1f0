/**
 * The one visibility rule, checked on every path at once: for random records (agency, sharing level, audience),
 * random consent and random viewers, the case view, the live push and its catch-up filter, a CPS chronology and
 * an agency's research answer all agree with `canView`.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createEvent, type AudienceEntry, type CaseEvent, type Sharing } from '@convene/shared/contracts';
import { selectForResearch } from '@convene/shared/partnership';
import { canView, historyCheckReader, type Viewer } from '@convene/shared/sharing';
import { evolveAll, initialView, viewFor, consentOf } from '../../services/conference/src/readModel/index.js';
import { casePushes } from '../../services/conference/src/projection/pushes.js';
import { chronologyAnswer } from '../../services/conference/src/projection/chronologyAnswer.js';
import { judgeOnce, mayReceive } from '../../services/conference/src/realtime/visibility.js';
import type { Meeting } from '../../services/conference/src/domain/meeting.js';

const CASE = 'CNV-2026-000042';
const V = 'lt1.nd.' + 'a'.repeat(43);
const S = 'lt1.nd.' + 'b'.repeat(43);
const subjects = [{ role: 'victim' as const, tokens: [V] }, { role: 'suspect' as const, tokens: [S] }];
const at = (i: number) => new Date(Date.UTC(2026, 8, 1 + i)).toISOString();

const viewers: Viewer[] = [
  { agency: 'conference', role: 'chair' }, { agency: 'police', role: 'police' }, { agency: 'cps', role: 'cps' },
  { agency: 'health', role: 'health' }, { agency: 'health', role: 'caldicott' }, { agency: 'advocacy', role: 'advocate' },
];
const audienceEntries: AudienceEntry[] = [
  { agency: 'police' }, { agency: 'cps' }, { agency: 'health' }, { agency: 'advocacy' }, { agency: 'conference' },
  { role: 'chair' }, { role: 'police' }, { role: 'cps' }, { role: 'health' }, { role: 'caldicott' }, { role: 'advocate' },
];
const kinds = ['police.incident', 'health.concern', 'advocacy.diary', 'cps.charging'] as const;

const recordSpec = fc.record({
  kind: fc.constantFrom(...kinds),
  sharing: fc.constantFrom<Exclude<Sharing, 'agency'>>('partnership', 'restricted'),
  audience: fc.subarray(audienceEntries, { minLength: 1, maxLength: 5 }),
});
const consentSpec = fc.option(fc.record({
  level: fc.constantFrom('full' as const, 'limited' as const),
  limitedTo: fc.subarray(['police', 'cps', 'health'] as const, { minLength: 1 }),
}), { nil: undefined });

type RecordSpec = { kind: typeof kinds[number]; sharing: Exclude<Sharing, 'agency'>; audience: AudienceEntry[] };

function build(spec: RecordSpec, i: number): CaseEvent {
  const base = {
    id: `00000000-0000-4000-8000-${(i + 1).toString(16).padStart(12, '0')}`, occurredAt: at(i), time: at(i), subject: CASE as never, subjects,
    sharing: spec.sharing, ...(spec.sharing === 'restricted' ? { audience: spec.audience } : {}),
  };
  switch (spec.kind) {
    case 'police.incident':
      return createEvent('police.incident.recorded.v1', { ...base, data: { incidentRef: `INC-${i}`, behaviours: ['following'], offenceClass: 'pha_s2', summary: 'Followed home' } });
    case 'health.concern':
      return createEvent('health.concern.flagged.v1', { ...base, data: { concernRef: `HC-${i}`, subjectRole: 'victim', category: 'injury', severity: 'high', contact: { service: 'ED safeguarding' } } });
    case 'advocacy.diary':
      return createEvent('advocacy.diary.entry.v1', { ...base, data: { entryRef: `D-${i}`, behaviours: ['gifts'], happenedAt: at(i), place: 'Work', account: 'Flowers left' } });
    case 'cps.charging':
      return createEvent('cps.charging.decided.v1', { ...base, data: { decisionRef: `CD-${i}`, outcome: 'charge', offenceClass: 'pha_s4' } });
    default:
      throw new Error(`no such record kind ${spec.kind as string}`);
  }
}

const listing = createEvent('conference.case.listed.v1', {
  id: 'ffffffff-0000-4000-8000-000000000001', occurredAt: at(-5), subject: CASE as never, sharing: 'partnership',
  data: { caseRef: CASE, referral: { agency: 'police', referralRef: 'R-1', criterion: 'high_risk', reason: 'High risk' }, people: subjects },
} as never) as CaseEvent;

function engagement(consent: { level: 'full' | 'limited'; limitedTo: ('police' | 'cps' | 'health')[] }): CaseEvent {
  return createEvent('advocacy.victim.engaged.v1', {
    id: 'ffffffff-0000-4000-8000-000000000002', occurredAt: at(-4), subject: CASE as never, subjects: [subjects[0]!], sharing: 'partnership',
    data: { engagementRef: 'ENG-1', consent: consent.level, consentGivenOn: '2026-08-01', ...(consent.level === 'limited' ? { limitedTo: consent.limitedTo } : {}) },
  }) as CaseEvent;
}

/** The rule as docs/security.md states it, written out again independently of the code it checks. */
function oracle(r: CaseEvent, viewer: Viewer, consent: { level: 'full' | 'limited'; limitedTo: string[] } | undefined): boolean {
  if (r.agency === viewer.agency) return true;
  const matches = (a: AudienceEntry) => ('agency' in a ? a.agency === viewer.agency : a.role === viewer.role);
  if (r.agency === 'advocacy' && consent?.level === 'limited') {
    const agreed = viewer.role === 'chair' || consent.limitedTo.includes(viewer.agency);
    if (!agreed) return false;
    if (r.sharing === 'partnership') return true;
    return (r.audience ?? []).some((a) => matches(a) && ('agency' in a ? consent.limitedTo.includes(a.agency) : a.role === 'chair'));
  }
  return r.sharing === 'partnership' || (r.audience ?? []).some(matches);
}

const meeting: Meeting = {
  meetingId: '11111111-1111-4111-8111-111111111111', title: 'MARAC', scheduledFor: at(0), area: null, chair: { userId: 'chair' }, members: [], agenda: [CASE],
  status: 'running', position: 0, startedAt: at(0), endedAt: null, attendance: null, appliedEventIds: [],
};

describe('one visibility rule on every path', () => {
  it('case view, live push, catch-up, chronology and research answer agree with canView', async () => {
    await fc.assert(fc.asyncProperty(fc.array(recordSpec, { minLength: 1, maxLength: 8 }), consentSpec, async (specs, consent) => {
      const records = specs.map((s, i) => build(s, i));
      const events = [listing, ...(consent ? [engagement(consent)] : []), ...records];
      const view = evolveAll(initialView(CASE), events);
      const limit = consentOf(view);
      // The fan-out judges each push once per kind of viewer: one judge per push, shared by every viewer, as in a room.
      const judges = new Map(records.map((r) => [r.id, judgeOnce(casePushes(r, view, [meeting]).find((p) => p.kind === 'timeline.entry')!)]));
      for (const viewer of viewers) {
        const seen = new Set(viewFor(view, viewer).timeline.map((e) => e.eventId));
        for (const r of records) {
          const expected = canView(r, viewer, limit);
          expect(expected, `the rule itself: ${r.type} ${r.sharing} ${JSON.stringify(r.audience)} for ${viewer.role}`).toBe(oracle(r, viewer, consent));
          expect(seen.has(r.id), `case view: ${r.type} ${r.sharing} for ${viewer.role}`).toBe(expected);
          const push = casePushes(r, view, [meeting]).find((p) => p.kind === 'timeline.entry')!;
          expect(mayReceive(push, viewer), `push: ${r.type} for ${viewer.role}`).toBe(expected);
          expect(judges.get(r.id)!(viewer), `fan-out: ${r.type} for ${viewer.role}`).toBe(expected);
        }
      }
      // A CPS chronology and an agency's answer to a history check: what the requesting lawyer may see.
      for (const r of records) {
        const ret = createEvent(`${r.agency as 'police'}.research.returned.v1`, {
          occurredAt: at(20), sharing: 'partnership', data: { purpose: { kind: 'history_check', requestRef: '22222222-2222-4222-8222-222222222222' }, windowFrom: at(-30), records: [r] as never, withheld: [], elsewhere: [], part: { index: 1, total: 1 } },
        }) as never;
        const { rows } = chronologyAnswer(ret);
        expect(rows.some((row) => row.eventId === r.id), `chronology: ${r.type}`).toBe(canView(r, historyCheckReader));
        const stored = { _id: r.id, seq: 1, type: r.type, sharing: r.sharing, occurredAt: new Date(r.occurredat), tokens: [V, S], publish: true, event: r };
        const answer = await selectForResearch({
          agency: r.agency as 'police', purpose: { kind: 'history_check', requestRef: '22222222-2222-4222-8222-222222222222' },
          subjects: { victimTokens: [V], otherTokens: [S] }, records: [stored], windowFrom: new Date(at(-30)),
        });
        expect(answer.shared.some((s) => s.id === r.id), `research: ${r.type}`).toBe(canView(r, historyCheckReader));
      }
    }), { numRuns: 200 });
  });

  it('consent revoked hides every advocacy record from every partner on every path', () => {
    fc.assert(fc.property(fc.array(recordSpec, { minLength: 1, maxLength: 6 }), (specs) => {
      const records = specs.map((s, i) => build(s, i));
      const revocation = createEvent('advocacy.consent.revoked.v1', {
        id: 'ffffffff-0000-4000-8000-000000000003', occurredAt: at(30), time: at(30), subject: CASE as never, subjects: [subjects[0]!], sharing: 'partnership',
        data: { engagementRef: 'ENG-1', revokedOn: '2026-10-01' },
      }) as CaseEvent;
      const view = evolveAll(initialView(CASE), [listing, engagement({ level: 'full', limitedTo: [] }), ...records, revocation]);
      const advocacy = records.filter((r) => r.agency === 'advocacy').map((r) => r.id);
      expect(view.timeline.map((e) => e.eventId).filter((id) => advocacy.includes(id))).toEqual([]);
      for (const viewer of viewers) {
        expect(viewFor(view, viewer).timeline.some((e) => e.type === 'advocacy.consent.revoked.v1'), `marker for ${viewer.role}`).toBe(true);
      }
    }), { numRuns: 100 });
  });
});
