/**
 * An SPO breach: stalking recorded as stalking (s2A/s4A), a high-risk DASH, arrest and charge, an interim
 * Stalking Protection Order granted and breached, then breached again while the case is listed (streamed
 * live). Signals: order breached, FOUR, escalation.
 */
import type { Behaviour } from './phrases.js';
import { CONTACTS, COURTS, FEARS, SAFETY_MEASURES, WISHES } from './phrases.js';
import { caseKit, diaryEntries, incidents, type CaseScenario, type ScenarioContext } from './kit.js';

const STAGES: readonly (readonly Behaviour[])[] = [
  ['messages', 'social_media', 'calls'],
  ['following', 'loitering_home', 'tracking'],
  ['approaching', 'threats', 'loitering_home'],
];

const SPO_CONDITIONS = [
  'Not to contact the victim directly or indirectly, including through social media',
  'Not to enter the LS6 postcode district',
  'Not to go within 100 metres of the victim\'s workplace',
  'To surrender any tracking devices and disclose all social media accounts to police',
];

export function spoBreach(ctx: ScenarioContext): CaseScenario {
  const victim = 'spo-victim';
  const suspect = 'spo-suspect';
  ctx.book.person(victim, 'victim');
  ctx.book.person(suspect, 'suspect');
  const kit = caseKit({ rng: ctx.root.forKey('spo-breach'), now: ctx.now, victim, suspect });
  const classify = (b: Behaviour[]) => (b.includes('threats') ? 'pha_s4a' : 'pha_s2a');
  const court = COURTS[0];

  return {
    key: 'spo-breach',
    title: 'Interim SPO breached, and breached again while listed',
    people: [{ key: victim, kind: 'victim' }, { key: suspect, kind: 'suspect' }],
    victim,
    setup: [
      [kit.engage(90)],
      [kit.spoApply(75, 'interim', 'spo')],
      [kit.charging(55, 'charge', 'pha_s2a', 'Course of conduct evidenced by phone download and the tracking device; in the public interest to prosecute.', 'charge')],
    ],
    history: [
      ...incidents(kit, ctx.n(20, 3), 170, 28, STAGES, classify),
      [kit.dash(100, { yes: 15, stalking: true, victimOwnView: 'high' })],
      [kit.arrest(60, 'pha_s2a')],
      [kit.policeBail(59, ['Not to contact the victim directly or indirectly', 'To live and sleep at a family member\'s address'], -31)],
      [kit.spoGrant(72, 'spo', 'interim', SPO_CONDITIONS, 200), kit.spoBreach(25, 'spo', ['approaching', 'messages'])],
      [kit.hearing(54, court, -20, 'first_appearance')],
      [kit.hearing(19, COURTS[1], 21, 'trial')],
      [kit.courtBail(20, ['No contact with the victim', 'Not to enter LS6', 'Curfew 19:00 to 07:00, electronically monitored'], 21)],
      [kit.victimView(85, 'high', WISHES[0], FEARS[3])],
      [kit.safetyPlan(84, [SAFETY_MEASURES[0], SAFETY_MEASURES[3], SAFETY_MEASURES[8]], 30)],
      [kit.safetyPlan(24, [SAFETY_MEASURES[0], SAFETY_MEASURES[3], SAFETY_MEASURES[8], SAFETY_MEASURES[5], SAFETY_MEASURES[1]], 14)],
      ...diaryEntries(kit, ctx.n(14, 2), 95, 5, STAGES),
      [kit.concern(65, 'suspect', 'perpetrator_fixation', 'medium', CONTACTS.forensicMh, 'Assessed in custody: preoccupied with the former partner, believes they will reconcile; no psychosis. Advised probation of fixation risk.')],
    ],
    referral: {
      agency: 'police', criterion: 'high_risk',
      reason: 'High-risk DASH with S-DASH; the interim Stalking Protection Order was breached within weeks of being granted.',
      subjects: [[victim, 'victim'], [suspect, 'suspect']],
    },
    live: [
      [kit.spoBreach(1, 'spo', ['loitering_home', 'messages'])],
      ...(ctx.scale >= 0.5 ? [[kit.incident(1, ['loitering_home'], 'pha_s2a')], [kit.diary(0, ['loitering_home'])]] : []),
    ],
    agendas: ['ended', 'running'],
    lastMonth: {
      riskDecision: 'high',
      rationale: 'Interim SPO breached; charged with s2A stalking and on court bail. Trial listed.',
      nextReviewInDays: 0,
      actions: [
        { agency: 'police', description: 'Apply to the magistrates\' court for a full Stalking Protection Order.', dueInDays: -7, progress: 'completed', outcome: 'Full SPO application served; listed at Leeds Magistrates\' Court.' },
        { agency: 'cps', description: 'Review the court bail conditions in the light of the breach.', dueInDays: -5, progress: 'accepted' },
      ],
    },
  };
}
