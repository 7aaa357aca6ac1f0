/**
 * A repeat referral: a neighbour's harassment was listed, reviewed at last month's meeting and closed as
 * the risk had reduced. The contact resumed within weeks; the police refer the same victim again and the
 * new listing is marked a repeat of the closed case (it is within 12 months). Signals: repeat referral.
 */
import type { Behaviour } from './phrases.js';
import { CONTACTS, FEARS, WISHES } from './phrases.js';
import { caseKit, diaryEntries, incidents, type CaseScenario, type ScenarioContext } from './kit.js';

const BEFORE: readonly (readonly Behaviour[])[] = [
  ['property_damage', 'messages'],
  ['loitering_home', 'messages', 'threats'],
];
const AGAIN: readonly (readonly Behaviour[])[] = [
  ['loitering_home', 'messages'],
  ['following', 'threats', 'approaching'],
];

const victim = 'rp-victim';
const suspect = 'rp-suspect';

function kitFor(ctx: ScenarioContext, key: string) {
  ctx.book.person(victim, 'victim');
  ctx.book.person(suspect, 'suspect');
  return caseKit({ rng: ctx.root.forKey(key), now: ctx.now, victim, suspect });
}

const classify = (b: Behaviour[]) => (b.includes('threats') ? 'pha_s4' : b.includes('property_damage') ? 'other' : 'pha_s2');

export function repeatFirst(ctx: ScenarioContext): CaseScenario {
  const kit = kitFor(ctx, 'repeat-first');
  return {
    key: 'repeat-first',
    title: 'First listing of a repeat referral (closed after last month\'s meeting)',
    people: [{ key: victim, kind: 'victim' }, { key: suspect, kind: 'suspect' }],
    victim,
    setup: [[kit.engage(115)]],
    history: [
      ...incidents(kit, ctx.n(9, 2), 180, 100, BEFORE, classify),
      [kit.dash(110, { yes: 8, stalking: true, victimOwnView: 'medium' })],
      [kit.victimView(114, 'medium', WISHES[3], FEARS[2])],
      ...diaryEntries(kit, ctx.n(5, 1), 170, 100, BEFORE),
      [kit.concern(105, 'victim', 'psychological_distress', 'low', CONTACTS.gp, 'Anxiety about a neighbour dispute; sleeping badly. Signposted to self-referral talking therapies.')],
    ],
    referral: {
      agency: 'police', criterion: 'professional_judgement',
      reason: 'A neighbour dispute escalating to threats; the victim is frightened to leave home.',
      subjects: [[victim, 'victim'], [suspect, 'suspect']],
    },
    live: [],
    agendas: ['ended'],
    lastMonth: {
      riskDecision: 'standard',
      rationale: 'The suspect has moved away and there has been no contact for six weeks; the victim feels safer.',
      nextReviewInDays: 60,
      actions: [
        { agency: 'advocacy', description: 'Close-down safety review with the victim before the case is closed.', dueInDays: -18, progress: 'completed', outcome: 'The victim feels safer and will come back to the ISA if contact resumes.' },
      ],
    },
    closeAfterMeeting: 'risk_reduced',
  };
}

export function repeatSecond(ctx: ScenarioContext): CaseScenario {
  const kit = kitFor(ctx, 'repeat-second');
  return {
    key: 'repeat-second',
    title: 'Repeat referral within 12 months of the case closing',
    people: [{ key: victim, kind: 'victim' }, { key: suspect, kind: 'suspect' }],
    victim,
    setup: [],
    // Recorded after the first listing closed: nothing streams until the repeat is listed.
    history: [
      ...incidents(kit, ctx.n(5, 2), 20, 2, AGAIN, classify),
      [kit.dash(3, { yes: 14, stalking: true, victimOwnView: 'high' })],
      [kit.victimView(2, 'high', WISHES[1], FEARS[1])],
      ...diaryEntries(kit, ctx.n(3, 1), 18, 2, AGAIN),
    ],
    referral: {
      agency: 'police', criterion: 'repeat_within_12_months',
      reason: 'Contact resumed within weeks of the case closing; the DASH is now high.',
      subjects: [[victim, 'victim'], [suspect, 'suspect']],
    },
    live: [[kit.incident(0, ['approaching'], 'pha_s4')]],
    agendas: ['running'],
    repeatOf: 'repeat-first',
  };
}
