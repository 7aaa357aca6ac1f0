/**
 * The rest of the partnership's caseload: varied cases that bring the demo to about twelve cases and six
 * hundred events. Each profile has its own spine of records (orders, court, health, consent) and is filled
 * out with incidents and diary entries up to the number of events it is given.
 */
import type { Behaviour } from './phrases.js';
import { CONTACTS, COURTS, FEARS, SAFETY_MEASURES, WISHES } from './phrases.js';
import {
  caseKit, diaryEntries, incidents, type CaseKit, type CaseScenario, type Chain, type MeetingDecision, type MeetingKey, type ScenarioContext,
} from './kit.js';
import type { OffenceClass } from '@convene/shared/contracts';

interface Profile {
  title: string;
  stages: readonly (readonly Behaviour[])[];
  classify: (b: Behaviour[]) => OffenceClass;
  /** Months of history. */
  days: number;
  setup(kit: CaseKit): Chain[];
  spine(kit: CaseKit): Chain[];
  live(kit: CaseKit): Chain[];
  referral: Omit<CaseScenario['referral'], 'subjects'>;
  lastMonth?: MeetingDecision;
}

const PROFILES: Profile[] = [
  {
    title: 'Online stalking by a stranger; consent limited to police and health',
    stages: [['social_media', 'messages'], ['identity_misuse', 'social_media', 'contacting_third_parties'], ['tracking', 'threats']],
    classify: (b) => (b.includes('threats') ? 'pha_s4a' : b.includes('tracking') ? 'pha_s2a' : 'malicious_communications'),
    days: 150,
    setup: (k) => [[k.engage(100, 'limited', ['police', 'health'])]],
    spine: (k) => [
      [k.dash(70, { yes: 10, stalking: true, victimOwnView: 'high' })],
      [k.victimView(95, 'high', WISHES[2], FEARS[3])],
      [k.safetyPlan(94, [SAFETY_MEASURES[6], SAFETY_MEASURES[3]], 25)],
      [k.concern(50, 'victim', 'self_harm_risk', 'medium', CONTACTS.mentalHealth, 'Low mood, not leaving the house; passive thoughts of not wanting to be here, no plan. Safety plan agreed with the crisis team.')],
    ],
    live: (k) => [[k.incident(1, ['social_media', 'identity_misuse'], 'malicious_communications')]],
    referral: { agency: 'health', criterion: 'health_concern', reason: 'Self-harm risk linked to months of online abuse; the patient asks for police and health to work together.' },
    lastMonth: {
      riskDecision: 'medium', rationale: 'Sustained online stalking; identity misuse; mental health impact.', nextReviewInDays: 7,
      actions: [
        { agency: 'police', description: 'Ask the platforms to preserve account data for the fake profiles.', dueInDays: -12, progress: 'completed', outcome: 'Preservation requests sent to two platforms; one has replied.' },
        { agency: 'health', description: 'Keep the crisis team\'s weekly contact going until the next review.', dueInDays: 7, progress: 'accepted' },
      ],
    },
  },
  {
    title: 'Workplace fixation; full SPO applied for',
    stages: [['gifts', 'messages'], ['loitering_work', 'following', 'gifts'], ['approaching', 'loitering_work']],
    classify: (b) => (b.includes('approaching') || b.includes('following') ? 'pha_s2a' : 'pha_s2'),
    days: 160,
    setup: (k) => [[k.engage(80)]],
    spine: (k) => [
      [k.dash(60, { yes: 13, stalking: true, victimOwnView: 'high', judgement: { grade: 'high', rationale: 'Fixation escalating to approaches at work; S-DASH 8 of 11.' } })],
      [k.spoApply(20, 'full', 'spo')],
      [k.victimView(78, 'medium', WISHES[0], FEARS[0])],
      [k.concern(45, 'victim', 'psychological_distress', 'medium', CONTACTS.gp, 'Signed off work for two weeks with stress; describes a colleague who will not leave them alone.')],
    ],
    live: (k) => [[k.diary(0, ['loitering_work'])]],
    referral: { agency: 'police', criterion: 'professional_judgement', reason: 'Fixation on a colleague escalating to approaches; full SPO applied for.' },
    lastMonth: {
      riskDecision: 'high', rationale: 'Raised to high on professional judgement; SPO to be applied for.', nextReviewInDays: 7,
      actions: [
        { agency: 'police', description: 'Apply for a Stalking Protection Order.', dueInDays: -15, progress: 'completed', outcome: 'Full SPO application made to the magistrates\' court.' },
        { agency: 'advocacy', description: 'Meet the employer with the victim to agree workplace safety measures.', dueInDays: -3, progress: 'assigned' },
      ],
    },
  },
  {
    title: 'Convicted; restraining order made; contact through third parties since',
    stages: [['messages', 'calls'], ['loitering_home', 'messages'], ['contacting_third_parties', 'social_media']],
    classify: (b) => (b.includes('loitering_home') ? 'pha_s2a' : 'pha_s2'),
    days: 175,
    setup: (k) => [[k.engage(170)], [k.charging(140, 'charge', 'pha_s2a', 'Course of conduct admitted in interview; charge s2A stalking.', 'charge')]],
    spine: (k) => [
      [k.dash(165, { yes: 12, stalking: true, victimOwnView: 'medium' })],
      [k.arrest(142, 'pha_s2a')],
      [k.hearing(139, COURTS[2], -120, 'first_appearance')],
      [k.hearing(100, COURTS[2], -75, 'sentencing')],
      [k.courtOutcome(75, 'charge', 'convicted', 'pha_s2a')],
      [k.restrainingOrder(75, true, ['Not to contact the victim directly or indirectly', 'Not to enter the street where the victim lives'], 365 * 2)],
      [k.victimView(20, 'medium', WISHES[3], FEARS[1])],
    ],
    live: (k) => [[k.incident(2, ['contacting_third_parties'], 'pha_s2')]],
    referral: { agency: 'advocacy', criterion: 'victim_request', reason: 'Restraining order in force, but the suspect contacts the victim\'s family asking about the victim.' },
  },
  {
    title: 'Former partner; pregnancy; maternity safeguarding concern',
    stages: [['messages', 'calls'], ['loitering_home', 'contacting_third_parties'], ['threats', 'approaching']],
    classify: (b) => (b.includes('threats') ? 'pha_s4' : 'pha_s2'),
    days: 120,
    setup: (k) => [[k.engage(60)]],
    spine: (k) => [
      [k.dash(50, { yes: 16, stalking: true, victimOwnView: 'high' })],
      [k.concern(35, 'victim', 'child_safeguarding', 'high', CONTACTS.maternity, 'Twenty-eight weeks pregnant; former partner turned up at the antenatal clinic. Unborn baby safeguarding referral made to children\'s social care.')],
      [k.safetyPlan(58, [SAFETY_MEASURES[0], SAFETY_MEASURES[7], SAFETY_MEASURES[9]], 14)],
    ],
    live: (k) => [[k.incident(1, ['threats'], 'pha_s4')]],
    referral: { agency: 'health', criterion: 'high_risk', reason: 'Pregnant patient; former partner turning up at antenatal appointments; DASH high.' },
  },
  {
    title: 'Harassment by an acquaintance, reclassified as stalking while listed',
    stages: [['messages', 'social_media'], ['following', 'loitering_home'], ['approaching', 'property_damage']],
    classify: () => 'pha_s2',
    days: 100,
    setup: (k) => [[k.engage(70)], [k.incident(95, ['messages', 'following'], 'pha_s2', 'firstIncident')]],
    spine: (k) => [
      [k.dash(40, { yes: 9, stalking: true, victimOwnView: 'medium' })],
      [k.victimView(68, 'medium', WISHES[0], FEARS[1])],
    ],
    live: (k) => [[k.reclassify('firstIncident', 'pha_s2a', 'Reviewed with the force stalking lead: fixated, obsessive, unwanted and repeated; recorded as s2A stalking.')]],
    referral: { agency: 'police', criterion: 'escalation', reason: 'Contact stepping up from messages to following and damage at the home address.' },
  },
];

const AGENDAS: MeetingKey[][] = [['ended', 'next'], ['ended', 'next'], ['next'], ['next'], ['next']];

/** The `index`th generic case (0–4), filled out to about `events` events. */
export function genericCase(ctx: ScenarioContext, index: number, events: number): CaseScenario {
  const profile = PROFILES[index % PROFILES.length]!;
  const key = `case-${index + 1}`;
  const victim = `${key}-victim`;
  const suspect = `${key}-suspect`;
  ctx.book.person(victim, 'victim');
  ctx.book.person(suspect, 'suspect', { withPnc: index % 2 === 0 });
  const kit = caseKit({ rng: ctx.root.forKey(key), now: ctx.now, victim, suspect });
  const setup = profile.setup(kit);
  const spine = profile.spine(kit);
  const live = profile.live(kit);
  const lastMonth = AGENDAS[index]!.includes('ended') ? profile.lastMonth : undefined;
  const fixed = [...setup, ...spine, ...live].reduce((n, c) => n + c.length, 0)
    + 1 + (lastMonth ? 1 + lastMonth.actions.reduce((n, a) => n + 1 + (a.progress === 'completed' ? 2 : a.progress === 'accepted' ? 1 : 0), 0) : 0);
  const fill = Math.max(2, events - fixed);
  const incidentCount = Math.max(1, Math.round(fill * 0.58));
  const diaryCount = Math.max(1, fill - incidentCount);
  return {
    key,
    title: profile.title,
    people: [{ key: victim, kind: 'victim' }, { key: suspect, kind: 'suspect' }],
    victim,
    setup,
    history: [
      ...incidents(kit, incidentCount, profile.days, 3, profile.stages, profile.classify),
      ...spine,
      ...diaryEntries(kit, diaryCount, profile.days - 10, 2, profile.stages),
    ],
    referral: { ...profile.referral, subjects: [[victim, 'victim'], [suspect, 'suspect']] },
    live,
    agendas: AGENDAS[index]!,
    ...(lastMonth ? { lastMonth } : {}),
  };
}

export const GENERIC_CASES = PROFILES.length;
