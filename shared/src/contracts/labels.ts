import type { z } from 'zod';
import type { Agency, Behaviour, OffenceClass } from './common.js';
import type { ReferralCriterion } from './agencyCommon.js';
import type { ConcernCategory } from './health.js';

/**
 * Human words for the controlled lists: the conference writes them into summaries, signal explanations and
 * exports, and the web UI shows the same ones. Pure data, so the UI's bundle carries only these tables.
 */
export const behaviourLabel: Record<Behaviour, string> = {
  messages: 'messages',
  calls: 'calls',
  social_media: 'social media',
  following: 'following',
  loitering_home: 'loitering at home',
  loitering_work: 'loitering at work',
  approaching: 'approaching',
  gifts: 'gifts',
  property_damage: 'property damage',
  threats: 'threats',
  violence: 'violence',
  tracking: 'tracking',
  contacting_third_parties: 'contacting third parties',
  identity_misuse: 'identity misuse',
};

export const offenceLabel: Record<OffenceClass, string> = {
  pha_s2: 'PHA s2',
  pha_s2a: 'PHA s2A',
  pha_s4: 'PHA s4',
  pha_s4a: 'PHA s4A',
  malicious_communications: 'malicious communications',
  other: 'other offence',
};

export const criterionLabel: Record<z.infer<typeof ReferralCriterion>, string> = {
  high_risk: 'high risk',
  professional_judgement: 'professional judgement',
  repeat_within_12_months: 'repeat within 12 months',
  escalation: 'escalation',
  victim_request: 'victim request',
  health_concern: 'health concern',
};

export const concernCategoryLabel: Record<ConcernCategory, string> = {
  injury: 'injury',
  psychological_distress: 'psychological distress',
  self_harm_risk: 'self-harm risk',
  perpetrator_fixation: 'perpetrator fixation',
  threats_disclosed: 'threats disclosed',
  child_safeguarding: 'child safeguarding',
  substance_misuse: 'substance misuse',
  other: 'other',
};

export const agencyLabel: Record<Agency, string> = {
  police: 'Police',
  cps: 'CPS',
  health: 'Health',
  advocacy: 'Advocacy',
  conference: 'Conference',
};

/** For enum values whose words are already plain (`no_further_action` → `no further action`). */
export function words(value: string): string {
  return value.replaceAll('_', ' ');
}

export function behaviourList(behaviours: readonly Behaviour[]): string {
  return behaviours.map((b) => behaviourLabel[b]).join(', ');
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
