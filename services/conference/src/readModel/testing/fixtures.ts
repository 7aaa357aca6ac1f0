/** Hand-made events for the read model's unit tests. Not used by production code. */
import {
  createEvent, type AudienceEntry, type Behaviour, type CaseEvent, type DataOf, type EventOfType, type EventType,
  type OffenceClass, type RiskGrade, type Subject,
} from '@convene/shared/contracts';
import { linkToken } from '@convene/shared/link-tokens';
import { evolve, initialView, type CaseView } from '../caseView.js';

export const CASE = 'CNV-2026-000001';
export const OTHER_CASE = 'CNV-2026-000002';
export const NOW = new Date('2026-10-31T12:00:00Z');

const SECRET = 'test-partnership-secret-0123456789abcdef'; // 40 characters
export const victimToken = linkToken(SECRET, { kind: 'nhs', nhsNumber: '943 476 5919' });
export const suspectToken = linkToken(SECRET, { kind: 'nd', given: 'Alex', family: 'Suspectson', dateOfBirth: '1980-02-03' });
const victimSubjects: Subject[] = [{ role: 'victim', tokens: [victimToken] }];

/** ISO time `days` before NOW (fractions allowed). */
export function ago(days: number): string {
  return new Date(NOW.getTime() - days * 24 * 60 * 60 * 1000).toISOString();
}

let counter = 0;
/** Deterministic uuids so tie-breaks on event id are the same in every run. */
export function nextId(): string {
  counter += 1;
  return `00000000-0000-4000-8000-${counter.toString(16).padStart(12, '0')}`;
}

export interface Options {
  daysAgo?: number;
  sharing?: 'partnership' | 'restricted';
  audience?: AudienceEntry[];
  subject?: string | null;
  id?: string;
}

export function make<T extends EventType>(type: T, data: DataOf<T>, o: Options = {}): EventOfType<T> {
  const occurredAt = ago(o.daysAgo ?? 10);
  return createEvent(type, {
    id: o.id ?? nextId(),
    occurredAt,
    time: new Date(Date.parse(occurredAt) + 60 * 60 * 1000),
    sharing: o.sharing ?? 'partnership',
    ...(o.audience ? { audience: o.audience } : {}),
    ...(o.subject === null ? {} : { subject: o.subject ?? CASE }),
    subjects: victimSubjects,
    data,
  });
}

export function listed(o: Options & { repeatOf?: string; caseRef?: string } = {}) {
  return make('conference.case.listed.v1', {
    caseRef: o.caseRef ?? CASE,
    referral: { agency: 'police', referralRef: 'REF-1', criterion: 'high_risk', reason: 'High risk DASH' },
    people: [
      { role: 'victim', tokens: [victimToken], given: 'Vicky', family: 'Victimson', dateOfBirth: '1990-05-06' },
      { role: 'suspect', tokens: [suspectToken], given: 'Alex', family: 'Suspectson', dateOfBirth: '1980-02-03' },
    ],
    ...(o.repeatOf ? { repeatOf: o.repeatOf } : {}),
  }, { daysAgo: 60, ...o });
}

export function incident(behaviours: Behaviour[], o: Options & { offenceClass?: OffenceClass } = {}) {
  return make('police.incident.recorded.v1', {
    incidentRef: `INC-${nextId().slice(-4)}`, behaviours, offenceClass: o.offenceClass ?? 'pha_s2',
    summary: 'Reported by the victim at the front counter',
  }, o);
}

export function diary(behaviours: Behaviour[], o: Options = {}) {
  const occurredAt = ago(o.daysAgo ?? 10);
  return make('advocacy.diary.entry.v1', {
    entryRef: `D-${nextId().slice(-4)}`, behaviours, happenedAt: occurredAt, place: 'Near home', account: 'Seen outside again',
  }, o);
}

export function risk(grade: RiskGrade | null, o: Options & { victimOwnView?: RiskGrade | null; yesCount?: number } = {}) {
  return make('police.risk.assessed.v1', {
    assessmentRef: `RA-${nextId().slice(-4)}`, tool: 'DASH', outcome: grade === null ? 'declined' : 'completed', grade,
    yesCount: grade === null ? null : (o.yesCount ?? 12), raisedByProfessionalJudgement: false, stalkingQuestionTicked: true,
    sdashYesCount: null, victimOwnView: o.victimOwnView ?? null,
  }, o);
}

export function victimView(grade: RiskGrade, o: Options = {}) {
  return make('advocacy.victim.view.recorded.v1', { engagementRef: 'ENG-1', ownViewOfRisk: grade, wishes: 'To feel safe at home' }, o);
}

export function reviewed(grade: RiskGrade, o: Options = {}) {
  return make('conference.case.reviewed.v1', {
    caseRef: CASE, meetingId: '11111111-1111-4111-8111-111111111111', riskDecision: grade, rationale: 'Agreed at meeting',
    nextReviewOn: '2026-12-01',
  }, o);
}

export function spoApplied(orderRef = 'SPO-1', o: Options = {}) {
  return make('police.spo.applied.v1', { orderRef, kind: 'interim' }, o);
}

export function spoGranted(orderRef = 'SPO-1', o: Options & { kind?: 'interim' | 'full'; expiresOn?: string } = {}) {
  return make('police.spo.granted.v1', {
    orderRef, kind: o.kind ?? 'interim', conditions: ['No contact with the victim'], expiresOn: o.expiresOn ?? '2027-03-01',
  }, o);
}

export function breach(orderRef = 'SPO-1', behaviours: Behaviour[] = ['approaching'], o: Options = {}) {
  return make('police.spo.breached.v1', { orderRef, breachedAt: ago(o.daysAgo ?? 10), behaviours }, o);
}

export function restrainingOrder(orderRef = 'RO-1', o: Options & { expiresOn?: string } = {}) {
  return make('cps.restraining_order.made.v1', {
    orderRef, onConviction: true, conditions: ['Not to enter the victim’s street'], ...(o.expiresOn ? { expiresOn: o.expiresOn } : {}),
  }, o);
}

export function classificationChanged(to: OffenceClass, o: Options = {}) {
  return make('police.classification.changed.v1', { crimeRef: 'CR-1', from: 'pha_s2', to, reason: 'Course of conduct reviewed' }, o);
}

/** The listing every case view starts from (records join a case only once its people are known). */
export const LISTING = listed({ id: '00000000-0000-4000-8000-0000000000ff' });

/**
 * Apply events in the given order to a fresh view of the listed case: the standard listing first, unless the
 * events bring a listing of their own.
 */
export function replay(events: readonly CaseEvent[], caseRef = CASE): CaseView {
  const start = initialView(caseRef);
  const listedAlready = events.some((e) => e.type === 'conference.case.listed.v1');
  return events.reduce(evolve, caseRef === CASE && !listedAlready ? evolve(start, LISTING) : start);
}

export function spoConsidered(decision: 'applied' | 'not_applied', o: Options & { orderRef?: string } = {}) {
  return make('police.spo.considered.v1', {
    considerationRef: `SPOC-${nextId().slice(-4)}`, decision, ...(o.orderRef ? { orderRef: o.orderRef } : {}),
    reason: decision === 'applied' ? 'Interim SPO sought at magistrates' : 'Restraining order on conviction already protects the victim',
  }, o);
}

export function policeBail(bailRef = 'BAIL-1', o: Options = {}) {
  return make('police.bail.set.v1', { bailRef, conditions: ['Not to contact the victim'], until: '2027-01-15' }, o);
}

export function courtBail(bailRef = 'CBAIL-1', o: Options = {}) {
  return make('cps.bail.conditions.set.v1', { bailRef, conditions: ['Not to enter the victim’s street'] }, o);
}

export function bailBreached(by: 'police' | 'cps', bailRef: string, behaviours: Behaviour[] = ['approaching'], o: Options = {}) {
  const data = { bailRef, breachedAt: ago(o.daysAgo ?? 10), behaviours };
  return by === 'police' ? make('police.bail.breached.v1', data, o) : make('cps.bail.breached.v1', data, o);
}

export function restrainingOrderBreached(orderRef = 'RO-1', behaviours: Behaviour[] = ['approaching'], o: Options = {}) {
  return make('cps.restraining_order.breached.v1', { orderRef, breachedAt: ago(o.daysAgo ?? 10), behaviours }, o);
}

export function concern(category: 'perpetrator_fixation' | 'psychological_distress', o: Options = {}) {
  return make('health.concern.flagged.v1', {
    concernRef: `HC-${nextId().slice(-4)}`, subjectRole: category === 'perpetrator_fixation' ? 'suspect' : 'victim', category, severity: 'medium',
    contact: { service: 'ED safeguarding' },
  }, o);
}

export function charged(offenceClass: OffenceClass, o: Options = {}) {
  return make('cps.charging.decided.v1', { decisionRef: `CD-${nextId().slice(-4)}`, outcome: 'charge', offenceClass }, o);
}
