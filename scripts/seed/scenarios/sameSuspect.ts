/**
 * The same suspect with a second victim: a stalking case about a former partner, and a newer case about the
 * suspect's next partner. Each case shows the other (by reference and agencies only) as a
 * same-suspect signal. A CPS lawyer asks for a history check on the suspect before a charging decision.
 *
 * Both referrals name the victim and the suspect. A record joins a case only when it concerns that case's own
 * victim (or the suspect alone): each case shows the other victim's records about the suspect only as the
 * suspect's history elsewhere, in outline, to its chair.
 */
import type { Behaviour } from './phrases.js';
import { CONTACTS, COURTS, FEARS, SAFETY_MEASURES, WISHES } from './phrases.js';
import { caseKit, diaryEntries, incidents, type CaseScenario, type ScenarioContext } from './kit.js';

const FIRST: readonly (readonly Behaviour[])[] = [
  ['messages', 'social_media', 'calls'],
  ['tracking', 'following', 'contacting_third_parties'],
  ['threats', 'loitering_home', 'approaching'],
];
const SECOND: readonly (readonly Behaviour[])[] = [
  ['messages', 'calls'],
  ['loitering_home', 'approaching', 'tracking'],
];

const suspect = 'ss-suspect';

export function sameSuspectFirst(ctx: ScenarioContext): CaseScenario {
  const victim = 'ss-victim-1';
  ctx.book.person(victim, 'victim');
  ctx.book.person(suspect, 'suspect');
  const kit = caseKit({ rng: ctx.root.forKey('same-suspect-first'), now: ctx.now, victim, suspect });
  const classify = (b: Behaviour[]) => (b.includes('threats') ? 'pha_s4a' : b.every((x) => x === 'messages' || x === 'social_media' || x === 'calls') ? 'malicious_communications' : 'pha_s2a');
  return {
    key: 'same-suspect-first',
    title: 'Stalking by a former partner who now has a second victim',
    people: [{ key: victim, kind: 'victim' }, { key: suspect, kind: 'suspect' }],
    victim,
    setup: [
      [kit.engage(95)],
      [kit.charging(60, 'charge', 'pha_s2a', 'Phone download and the tracking app evidence a course of conduct; charge s2A stalking.', 'charge')],
    ],
    history: [
      ...incidents(kit, ctx.n(20, 3), 180, 5, FIRST, classify),
      [kit.dash(90, { yes: 14, stalking: true, victimOwnView: 'high' })],
      [kit.arrest(70, 'pha_s2a')],
      [kit.policeBail(69, ['Not to contact the victim directly or indirectly'], -40)],
      [kit.hearing(59, COURTS[0], -45, 'first_appearance')],
      [kit.hearing(40, COURTS[1], 30, 'trial')],
      [kit.courtBail(59, ['No contact with the victim', 'Not to go to the victim\'s home or workplace'], 30)],
      [kit.victimView(94, 'high', WISHES[2], FEARS[3])],
      [kit.safetyPlan(93, [SAFETY_MEASURES[3], SAFETY_MEASURES[6], SAFETY_MEASURES[8], SAFETY_MEASURES[4]], 20)],
      ...diaryEntries(kit, ctx.n(14, 2), 100, 4, FIRST),
      [kit.concern(40, 'victim', 'psychological_distress', 'high', CONTACTS.mentalHealth, 'Referred by GP with severe anxiety and hypervigilance; checks the car for trackers every morning. Not suicidal. Weekly contact with the community team.', 'mhConcern')],
    ],
    referral: {
      agency: 'police', criterion: 'high_risk',
      reason: 'High-risk DASH; the suspect tracked the victim\'s car and is awaiting trial for s2A stalking.',
      subjects: [[victim, 'victim'], [suspect, 'suspect']],
    },
    live: [
      [kit.historyRequest(suspect, 'Charging decision on a new allegation by a second victim: the suspect\'s history across agencies.')],
      [kit.incident(2, ['messages', 'contacting_third_parties'], 'pha_s2a')],
      ...(ctx.scale >= 0.5 ? [[kit.diary(1, ['social_media'])]] : []),
    ],
    agendas: ['running'],
    disclosures: [{
      meeting: 'running',
      spec: { concern: 'mhConcern', reason: 'To understand the victim\'s needs for the safety plan and the trial: the mental health concern is marked high.' },
    }],
    liveConcernTarget: true,
  };
}

export function sameSuspectSecond(ctx: ScenarioContext): CaseScenario {
  const victim = 'ss-victim-2';
  ctx.book.person(victim, 'victim');
  ctx.book.person(suspect, 'suspect');
  const kit = caseKit({ rng: ctx.root.forKey('same-suspect-second'), now: ctx.now, victim, suspect });
  return {
    key: 'same-suspect-second',
    title: 'Second victim of the same suspect',
    people: [{ key: victim, kind: 'victim' }, { key: suspect, kind: 'suspect' }],
    victim,
    setup: [[kit.engage(25)]],
    history: [
      ...incidents(kit, ctx.n(9, 2), 60, 3, SECOND, (b) => (b.includes('approaching') || b.includes('tracking') ? 'pha_s2a' : 'pha_s2')),
      [kit.dash(20, { yes: 12, stalking: true, victimOwnView: 'high' })],
      [kit.victimView(24, 'high', WISHES[0], FEARS[3])],
      ...diaryEntries(kit, ctx.n(8, 1), 50, 2, SECOND),
      [kit.concern(15, 'victim', 'psychological_distress', 'medium', CONTACTS.gp, 'Panic attacks since the relationship ended six weeks ago; former partner keeps turning up. Safety-netted; given the ISA service number.')],
    ],
    referral: {
      agency: 'advocacy', criterion: 'victim_request',
      reason: 'The victim asks for help: a former partner keeps turning up and seems to know where the victim is.',
      subjects: [[victim, 'victim'], [suspect, 'suspect']],
    },
    live: [],
    agendas: ['running'],
  };
}
