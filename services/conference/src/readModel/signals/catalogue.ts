import type { SignalKind } from './types.js';

/** One signal as the partnership agreed it: what it says, when it fires, over what period, on what, and why. */
export interface SignalDefinition {
  title: string;
  /** When it fires, in one or two sentences a chair can check against the evidence. */
  rule: string;
  window: string;
  /** The records the signal names as its evidence. */
  evidence: string;
  /** Where in the guidance the rule comes from, cited by name. */
  source: string;
}

const LIVING_IN_FEAR = 'HMIC/HMCPSI, Living in fear: the police and CPS response to harassment and stalking (2017)';
const SUPER_COMPLAINT = 'HMICFRS, College of Policing and IOPC, report on the super-complaint on the police response to stalking (September 2022)';
const APP = 'College of Policing APP on stalking or harassment (FOUR: fixated, obsessive, unwanted, repeated)';
const CPS_GUIDANCE = 'CPS legal guidance: stalking and harassment';
const SPA_GUIDANCE = 'Stalking Protection Act 2019: statutory guidance for the police';
const DASH = 'SafeLives DASH risk identification checklist guidance';

/**
 * The signal table (docs/signals.md is rendered from it): each signal function takes its title from here, so
 * the code, the screen and the document say the same thing. `withheld` is not a signal of its own, only how
 * another is shown to a viewer who may not see its evidence.
 */
export const signalCatalogue: Record<Exclude<SignalKind, 'withheld'>, SignalDefinition> = {
  harassment_may_be_stalking: {
    title: 'Possible stalking recorded as harassment',
    rule: 'Two or more records of unwanted, repeated behaviour from any agency (police incidents, breaches, the victim\'s diary, a health flag of perpetrator fixation; '
      + 'repeated messages, calls and social media count) while the latest police classification is PHA s2, s4, malicious '
      + 'communications or other. Stops once police reclassify as stalking (s2A or s4A).',
    window: 'Whole case',
    evidence: 'The behaviour records and the police records carrying the harassment classification',
    source: `${LIVING_IN_FEAR}; ${SUPER_COMPLAINT}; ${APP}`,
  },
  victim_view_higher: {
    title: "Victim's view of risk is higher than assessed",
    rule: 'The victim\'s own view of risk (latest from the DASH question or the advocate) is above the current assessed grade '
      + '(latest graded police DASH or conference decision), or there is no assessed grade because the DASH was declined or '
      + 'never done: the victim\'s view against no assessment is itself the signal.',
    window: 'Latest of each',
    evidence: 'The victim\'s view and the assessment it is compared with (the declined DASH, if any)',
    source: `${DASH}; ${LIVING_IN_FEAR}`,
  },
  escalation: {
    title: 'Escalation',
    rule: 'Rising frequency (at least three behaviour records in the last 30 days and at least twice the 30 days before), or '
      + 'severity stepping up the ladder contact → loitering → approach → threats → violence: the worst record in the last '
      + '30 days is above anything before it, or above an earlier record inside those 30 days. Both measures are shown.',
    window: 'Last 30 days against the 30 before (frequency); last 30 days against earlier and within itself (severity)',
    evidence: 'The behaviour records of both windows (frequency) and the records stepped from and to (severity)',
    source: `${LIVING_IN_FEAR}; ${APP}; ${DASH} (abuse happening more often, getting worse)`,
  },
  risk_assessment_missing: {
    title: 'No risk assessment',
    rule: 'Behaviour is recorded (an incident, a breach or a diary entry) but no police DASH or S-DASH has been shared.',
    window: 'Whole case',
    evidence: 'The behaviour records',
    source: `${LIVING_IN_FEAR}; ${SUPER_COMPLAINT}; ${DASH}`,
  },
  risk_assessment_declined: {
    title: 'Risk assessment declined',
    rule: 'The latest police DASH or S-DASH was declined by the victim, so no police grade is current.',
    window: 'Latest assessment',
    evidence: 'The declined assessment',
    source: `${LIVING_IN_FEAR}; ${DASH}`,
  },
  risk_assessment_stale: {
    title: 'Risk assessment not current',
    rule: 'The latest police assessment is older than 90 days, or older than the latest incident, breach or diary entry: '
      + 'risk is to be reassessed when circumstances change.',
    window: '90 days; or since the latest behaviour record',
    evidence: 'The latest assessment and the later behaviour records',
    source: `${DASH}; ${SUPER_COMPLAINT}`,
  },
  high_risk_no_spo: {
    title: 'High risk stalking with no SPO considered',
    rule: 'The case is graded high risk (latest police grade or conference decision), the conduct is stalking (classified '
      + 's2A/s4A by police or CPS, or signalled as possible stalking, or all four FOUR indicators met), and no SPO has been '
      + 'applied for, granted, or recorded as considered ("SPO considered: applied / not applied, reason"). A recorded '
      + 'consideration answers it.',
    window: 'Whole case',
    evidence: 'The high grade and the records that make the conduct stalking',
    source: `${SPA_GUIDANCE}; ${SUPER_COMPLAINT}; ${LIVING_IN_FEAR}`,
  },
  order_breached: {
    title: 'Order breached',
    rule: 'A breach is recorded of a Stalking Protection Order, a restraining order or bail conditions (police or court). '
      + 'One signal per order.',
    window: 'Whole case',
    evidence: 'The order\'s own records and every breach of it',
    source: `${SPA_GUIDANCE}; ${CPS_GUIDANCE}`,
  },
  four: {
    title: 'FOUR indicators',
    rule: 'Fixated: behaviour on at least 3 different days. Obsessive: at least 3 kinds of behaviour. Unwanted: reported to '
      + 'police or an advocate, or breaching an order. Repeated: at least 2 behaviour records. A warning when all four are met.',
    window: 'Whole case',
    evidence: 'The behaviour records behind each indicator met',
    source: APP,
  },
  same_suspect_other_cases: {
    title: 'Same suspect, other victims',
    rule: 'The suspect\'s link token is on another case, open or closed within the repeat window. Names only that case and '
      + 'the agencies in it; a new victim of the same suspect is this, never a repeat referral.',
    window: 'Open cases, and cases closed in the last 12 months',
    evidence: 'This case\'s listing',
    source: `${LIVING_IN_FEAR}; ${SUPER_COMPLAINT}`,
  },
  repeat_referral: {
    title: 'Repeat referral',
    rule: 'The victim (matched on the victim\'s link tokens, never the suspect\'s) was on a case that closed within the '
      + 'repeat window before this referral.',
    window: '12 months before the referral',
    evidence: 'This case\'s listing, naming the earlier case',
    source: 'SafeLives MARAC guidance on repeat referrals; ' + LIVING_IN_FEAR,
  },
  behaviour_counts: {
    title: 'Behaviour counts',
    rule: 'How many times each behaviour was recorded, and by which agency, over 7, 30 and 90 days. Information only.',
    window: '7, 30 and 90 days',
    evidence: 'The behaviour records of the last 90 days',
    source: LIVING_IN_FEAR,
  },
};

export const titleOf = (kind: Exclude<SignalKind, 'withheld'>): string => signalCatalogue[kind].title;
