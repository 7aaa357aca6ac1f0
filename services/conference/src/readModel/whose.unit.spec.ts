import { describe, expect, it } from 'vitest';
import { createEvent, type CaseEvent, type Subject } from '@convene/shared/contracts';
import { linkToken } from '@convene/shared/link-tokens';
import { evolve } from './caseView.js';
import { CASE, ago, listed, make, nextId, replay, suspectToken, victimToken } from '../../../../tests/fixtures/caseEvents.js';
import { viewFor } from './visibility.js';

const otherVictim = linkToken('test-partnership-secret-0123456789abcdef', { kind: 'nd', given: 'Xena', family: 'Other', dateOfBirth: '1992-01-01' });
const onV: Subject[] = [{ role: 'victim', tokens: [victimToken] }, { role: 'suspect', tokens: [suspectToken] }];
const onX: Subject[] = [{ role: 'victim', tokens: [otherVictim] }, { role: 'suspect', tokens: [suspectToken] }];
const suspectAlone: Subject[] = [{ role: 'suspect', tokens: [suspectToken] }];

function record<T extends CaseEvent['type']>(type: T, data: Extract<CaseEvent, { type: T }>['data'], subjects: Subject[], daysAgo = 20): CaseEvent {
  return createEvent(type, { id: nextId(), occurredAt: ago(daysAgo), sharing: 'partnership', subjects, data } as never) as CaseEvent;
}

const xIncident = () => record('police.incident.recorded.v1', {
  incidentRef: 'INC-X1', behaviours: ['following', 'threats'], offenceClass: 'pha_s4', summary: 'Xena followed from the station',
}, onX);
const xDiary = () => record('advocacy.diary.entry.v1', {
  entryRef: 'D-X1', behaviours: ['loitering_home'], happenedAt: ago(22), place: 'Outside her flat', account: 'He waited all night',
}, onX);
const xDash = () => record('police.risk.assessed.v1', {
  assessmentRef: 'RA-X1', tool: 'DASH', outcome: 'declined', grade: null, yesCount: null, raisedByProfessionalJudgement: false,
  stalkingQuestionTicked: false, sdashYesCount: null, victimOwnView: null,
}, onX);
const vIncident = () => record('police.incident.recorded.v1', {
  incidentRef: 'INC-V1', behaviours: ['messages'], offenceClass: 'malicious_communications', summary: 'Messages to Vicky',
}, onV);
const arrest = () => record('police.arrest.made.v1', { arrestRef: 'ARR-1', offenceClass: 'pha_s2a' }, suspectAlone);

function advocacyReturn(records: CaseEvent[]) {
  return make('advocacy.research.returned.v1', {
    purpose: { kind: 'listing', caseRef: CASE }, windowFrom: ago(365), records: records as never, withheld: [], elsewhere: [], part: { index: 1, total: 1 },
  }, { daysAgo: 5 });
}

function policeReturn(records: CaseEvent[]) {
  return make('police.research.returned.v1', {
    purpose: { kind: 'listing', caseRef: CASE }, windowFrom: ago(365), records: records as never, withheld: [], elsewhere: [], part: { index: 1, total: 1 },
  }, { daysAgo: 5 });
}

describe('a case holds only what concerns its own victim', () => {
  it('keeps another victim\'s records out of the timeline and the signals, outlining them for the chair', () => {
    const mine = vIncident();
    const view = replay([listed(), policeReturn([mine, xIncident(), xDash(), arrest()]), advocacyReturn([xDiary()])]);
    const kinds = view.timeline.map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['incident', 'arrest']));
    expect(view.timeline.filter((e) => e.kind === 'incident').map((e) => e.eventId)).toEqual([mine.id]);
    expect(view.timeline.some((e) => e.kind === 'diary' || e.kind === 'risk')).toBe(false);
    expect(view.risk.police).toBeNull();
    const dump = JSON.stringify({ ...view, elsewhere: [] });
    for (const leaked of [otherVictim, 'Xena', 'Outside her flat', 'He waited all night', 'INC-X1']) expect(dump).not.toContain(leaked);
    expect(view.elsewhere.map((o) => ({ kind: o.recordKind, agency: o.agency }))).toEqual(expect.arrayContaining([
      { kind: 'incident.recorded', agency: 'police' }, { kind: 'diary.entry', agency: 'advocacy' }, { kind: 'risk.assessed', agency: 'police' },
    ]));
    const outlines = JSON.stringify(view.elsewhere);
    for (const leaked of [otherVictim, 'Xena', 'Outside her flat', 'He waited all night', 'INC-X1', 'D-X1', 'RA-X1']) expect(outlines).not.toContain(leaked);
    expect(view.elsewhere.find((o) => o.recordKind === 'incident.recorded')).toMatchObject({ offenceClass: 'pha_s4', behaviours: ['following', 'threats'] });
    expect(view.elsewhere.find((o) => o.recordKind === 'diary.entry')).not.toHaveProperty('behaviours');
  });

  it('never adds a person to the case from a record', () => {
    const view = replay([listed(), policeReturn([xIncident(), vIncident()])]);
    expect(view.subjectTokens).toEqual({ victim: [victimToken], suspect: [suspectToken], child: [], other: [] });
    expect(view.timeline.flatMap((e) => e.subjects ?? []).flatMap((s) => s.tokens)).not.toContain(otherVictim);
  });

  it('applies the same rule to records streamed after listing, and judges records that came before the listing once it arrives', () => {
    const streamed = { ...xIncident(), subject: CASE } as CaseEvent;
    const listedFirst = replay([listed(), streamed]);
    expect(listedFirst.timeline.some((e) => e.eventId === streamed.id)).toBe(false);
    expect(listedFirst.elsewhere).toHaveLength(1);
    const early = evolve(replay([streamed], 'CNV-2026-000009'), streamed);
    expect(early.pending).toHaveLength(1);
    expect(viewFor(early, { agency: 'conference', role: 'chair' }).pending).toEqual([]);
    const latecomer = vIncident();
    const afterwards = replay([latecomer, streamed, listed()]);
    expect(afterwards.pending).toEqual([]);
    expect(afterwards.timeline.map((e) => e.eventId)).toContain(latecomer.id);
    expect(afterwards.elsewhere).toEqual(listedFirst.elsewhere);
  });

  it('shows the suspect\'s history elsewhere to the chair only', () => {
    const view = replay([listed(), policeReturn([xIncident()])]);
    expect(viewFor(view, { agency: 'conference', role: 'chair' }).elsewhere).toHaveLength(1);
    expect(viewFor(view, { agency: 'police', role: 'police' }).elsewhere).toEqual([]);
    expect(viewFor(view, { agency: 'cps', role: 'cps' }).elsewhere).toEqual([]);
  });

  it('takes the outlines an agency sent in its return, once, whatever the redelivery', () => {
    const ret = make('police.research.returned.v1', {
      purpose: { kind: 'listing', caseRef: CASE }, windowFrom: ago(365), records: [], withheld: [],
      elsewhere: [{ recordKind: 'spo.granted', agency: 'police', month: '2026-08', orderType: 'spo_full', otherCaseRef: 'CNV-2026-000777' }],
      part: { index: 1, total: 1 },
    }, { daysAgo: 5 });
    const view = replay([listed(), ret, ret]);
    expect(view.elsewhere).toEqual([{ id: `${ret.id}:0`, recordKind: 'spo.granted', agency: 'police', month: '2026-08', orderType: 'spo_full', otherCaseRef: 'CNV-2026-000777' }]);
  });
});
