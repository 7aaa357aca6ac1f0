/**
 * A declined DASH: the victim declined the risk assessment twice, but said herself that the risk is high.
 * The course of conduct escalates to threats and an assault; health saw the injury. At last month's meeting
 * the chair asked the Caldicott guardian for the ED detail, which was disclosed to the chair and police.
 * Signals: risk assessment declined, escalation, FOUR.
 */
import type { Behaviour } from './phrases.js';
import { CONTACTS, FEARS, SAFETY_MEASURES, WISHES } from './phrases.js';
import { caseKit, diaryEntries, incidents, type CaseScenario, type ScenarioContext } from './kit.js';

const STAGES: readonly (readonly Behaviour[])[] = [
  ['calls', 'messages'],
  ['loitering_home', 'messages', 'calls'],
  ['threats', 'property_damage', 'loitering_home'],
  ['threats', 'violence'],
];

export function declinedDash(ctx: ScenarioContext): CaseScenario {
  const victim = 'dd-victim';
  const suspect = 'dd-suspect';
  ctx.book.person(victim, 'victim');
  ctx.book.person(suspect, 'suspect');
  const kit = caseKit({ rng: ctx.root.forKey('declined-dash'), now: ctx.now, victim, suspect });
  const classify = (b: Behaviour[]) => (b.includes('threats') || b.includes('violence') ? 'pha_s4' : b.includes('property_damage') ? 'other' : 'pha_s2');

  return {
    key: 'declined-dash',
    title: 'DASH declined; the victim rates the risk high',
    people: [{ key: victim, kind: 'victim' }, { key: suspect, kind: 'suspect' }],
    victim,
    setup: [[kit.engage(50)]],
    history: [
      ...incidents(kit, ctx.n(18, 3), 120, 4, STAGES, classify),
      [kit.declinedDash(45, 'high')],
      [kit.declinedDash(12, 'high')],
      [kit.concern(60, 'victim', 'psychological_distress', 'medium', CONTACTS.gp, 'Low mood and anxiety after separation; reports ex-partner calling constantly. Declined referral to talking therapies for now.')],
      [kit.concern(20, 'victim', 'injury', 'high', CONTACTS.ed, 'Attended ED at 01:40 with bruising to both forearms and a swollen left wrist. First said they had fallen, then disclosed that their ex-partner grabbed them at the front door. X-ray: no fracture. Frightened to go home; stayed with a sister.', 'edConcern')],
      [kit.victimView(48, 'high', WISHES[1], FEARS[1])],
      [kit.safetyPlan(47, [SAFETY_MEASURES[0], SAFETY_MEASURES[1], SAFETY_MEASURES[4], SAFETY_MEASURES[9]], 10)],
      ...diaryEntries(kit, ctx.n(14, 2), 55, 2, STAGES),
    ],
    referral: {
      agency: 'police', criterion: 'professional_judgement',
      reason: 'The victim declined DASH twice; officers judge the risk high: threats to kill and an assault at the home address.',
      subjects: [[victim, 'victim'], [suspect, 'suspect']],
    },
    live: [
      [kit.incident(1, ['calls', 'loitering_home'], 'pha_s2')],
      ...(ctx.scale >= 0.5 ? [[kit.diary(1, ['calls'])], [kit.diary(0, ['loitering_home'])]] : []),
    ],
    agendas: ['ended', 'running'],
    lastMonth: {
      riskDecision: 'high',
      rationale: 'DASH declined twice, but threats and an assault; the victim says the risk is high. Treated as high risk.',
      nextReviewInDays: 0,
      actions: [
        { agency: 'health', description: 'Check ED and GP records for attendances linked to the abuse since January.', dueInDays: -20, progress: 'completed', outcome: 'Two ED attendances found; one injury concern flagged to the case.' },
        { agency: 'police', description: 'Offer the DASH again with the ISA present, at a place the victim chooses.', dueInDays: 4, progress: 'assigned' },
      ],
    },
    disclosures: [{
      meeting: 'ended',
      spec: {
        concern: 'edConcern',
        reason: 'The victim declined DASH; the injury flagged by ED is needed to decide the risk level.',
        decision: { decision: 'disclosed', legalGateway: 'overriding_public_interest', reason: 'Necessary and proportionate to protect the patient from serious harm; minimum detail, to the chair and police only.' },
      },
    }],
  };
}
