/**
 * A stalking course of conduct recorded as harassment: six months of reports, each dealt with on its own
 * (s2 harassment, malicious communications, one arrest and no further action), although the behaviours
 * (gifts, waiting outside work, following, contacting colleagues) are fixation. The victim's own view of
 * the risk is higher than the DASH grade. Signals: possible stalking recorded as harassment, FOUR,
 * escalation, victim's view higher than assessed.
 */
import type { Behaviour } from './phrases.js';
import { CONTACTS, FEARS, RUNGS, SAFETY_MEASURES, WISHES } from './phrases.js';
import { caseKit, diaryEntries, incidents, type CaseScenario, type ScenarioContext } from './kit.js';

const STAGES: readonly (readonly Behaviour[])[] = [
  ['messages', 'gifts', 'social_media'],
  ['loitering_work', 'messages', 'contacting_third_parties', 'gifts'],
  ['following', 'loitering_work', 'approaching'],
];

export function harassmentCourse(ctx: ScenarioContext): CaseScenario {
  const victim = 'hc-victim';
  const suspect = 'hc-suspect';
  ctx.book.person(victim, 'victim');
  ctx.book.person(suspect, 'suspect', { withPnc: false });
  const kit = caseKit({ rng: ctx.root.forKey('harassment-course'), now: ctx.now, victim, suspect });
  const classify = (b: Behaviour[]) => (b.every((x) => x === 'messages' || x === 'social_media') ? 'malicious_communications' : 'pha_s2');

  return {
    key: 'harassment-course',
    title: 'Stalking course of conduct recorded as harassment',
    people: [{ key: victim, kind: 'victim' }, { key: suspect, kind: 'suspect' }],
    victim,
    setup: [[kit.engage(150)]],
    history: [
      ...incidents(kit, ctx.n(26, 3), 170, 6, STAGES, classify),
      [kit.arrest(41, 'malicious_communications')],
      [kit.charging(38, 'no_further_action', 'malicious_communications', 'A single message on this report; taken alone it does not meet the threshold for a harassment charge.')],
      [kit.dash(60, { yes: 11, stalking: true, victimOwnView: 'high' })],
      [kit.victimView(148, 'medium', WISHES[0], FEARS[0])],
      [kit.safetyPlan(145, [SAFETY_MEASURES[2], SAFETY_MEASURES[6], SAFETY_MEASURES[4]], -60)],
      [kit.victimView(30, 'high', WISHES[2], FEARS[1])],
      ...diaryEntries(kit, ctx.n(20, 2), 150, 3, STAGES),
      [kit.concern(80, 'victim', 'psychological_distress', 'medium', CONTACTS.gp, 'Attended surgery tearful and not sleeping; describes months of unwanted contact from a former colleague. Started sertraline 50 mg; review in 4 weeks.')],
      ...(ctx.scale >= 0.5 ? [[kit.concern(20, 'victim', 'psychological_distress', 'high', CONTACTS.mentalHealth, 'Seen by crisis team after a panic attack at work. No self-harm intent; lives alone; feels watched at all times. Daily phone contact agreed for a week.')]] : []),
    ],
    referral: {
      agency: 'advocacy', criterion: 'victim_request',
      reason: 'The victim asks for a joined-up response: more than twenty reports over six months have each been dealt with on their own.',
      subjects: [[victim, 'victim'], [suspect, 'suspect']],
    },
    live: [
      [kit.incident(2, ['loitering_work', 'approaching'], 'pha_s2')],
      ...(ctx.scale >= 0.5 ? [[kit.incident(1, ['gifts'], 'pha_s2')], [kit.diary(1, ['following'])], [kit.diary(0, ['loitering_work'])]] : []),
    ],
    agendas: ['ended', 'running'],
    lastMonth: {
      riskDecision: 'medium',
      rationale: 'Fixation across more than twenty reports, each recorded as harassment. The victim rates the risk as high.',
      nextReviewInDays: 0,
      actions: [
        { agency: 'police', description: 'Review the incidents with the force stalking lead and consider recording them as s2A stalking.', dueInDays: -10, progress: 'accepted' },
        { agency: 'advocacy', description: 'Update the safety plan with workplace measures agreed with the employer.', dueInDays: -14, progress: 'completed', outcome: 'Safety plan updated: workplace security briefed and a separate entrance agreed.' },
      ],
    },
  };
}
