import type { Agency, Behaviour, RiskGrade } from '@convene/shared/contracts';
import type { BreachedOrderKind } from '../timeline.js';

export type Severity = 'info' | 'warning' | 'critical';

interface SignalBase {
  /** Stable: the same condition keeps the same id from one computation to the next. */
  id: string;
  severity: Severity;
  title: string;
  /** One sentence, never a name. */
  explanation: string;
  /** The events the signal rests on; empty only for signals that rest on other cases. */
  eventIds: string[];
  /** Records it rests on that this viewer may not see: how many, and which agencies hold them (to ask). */
  withheld?: { count: number; holders: Agency[] };
}

export type Window = 7 | 30 | 90;

export interface BehaviourCounts {
  window: Window;
  /** How many times each behaviour was recorded in the window. */
  byBehaviour: Partial<Record<Behaviour, number>>;
  /** How many behaviour-bearing records each agency made in the window. */
  byAgency: Partial<Record<Agency, number>>;
}

export type Rung = 'contact' | 'loitering' | 'approach' | 'threats' | 'violence';

export interface FourIndicator {
  met: boolean;
  eventIds: string[];
}

export interface FourReport {
  fixated: FourIndicator;
  obsessive: FourIndicator;
  unwanted: FourIndicator;
  repeated: FourIndicator;
}

export interface OtherCase {
  caseRef: string;
  agencies: Agency[];
}

/** Behaviour records in the last 30 days and the 30 before; `rising` when the rule's threshold is met. */
export interface FrequencyMeasure {
  last30Days: number;
  previous30Days: number;
  rising: boolean;
}

/**
 * The worst rung in the last 30 days and the rung it stepped up from: `against_earlier` when it is above anything
 * before the window, `within_window` when above an earlier record inside it; null `steppedUp` when neither.
 */
export interface SeverityMeasure {
  to: Rung | null;
  from: Rung | null;
  steppedUp: 'against_earlier' | 'within_window' | null;
}

export type StaleBecause = 'older_than_90_days' | 'older_than_latest_incident';

export type Signal =
  | (SignalBase & { kind: 'behaviour_counts'; counts: BehaviourCounts[] })
  | (SignalBase & { kind: 'escalation'; frequency: FrequencyMeasure; stepUp: SeverityMeasure })
  | (SignalBase & { kind: 'four'; indicators: FourReport })
  | (SignalBase & { kind: 'harassment_may_be_stalking' })
  | (SignalBase & { kind: 'risk_assessment_declined' })
  | (SignalBase & { kind: 'risk_assessment_missing' })
  | (SignalBase & { kind: 'risk_assessment_stale'; assessedAt: string; because: StaleBecause[] })
  /** `assessedGrade` is null when there is no grade to compare with: the DASH was declined or never done. */
  | (SignalBase & { kind: 'victim_view_higher'; victimView: RiskGrade; assessedGrade: RiskGrade | null; assessment: 'graded' | 'declined' | 'missing' })
  | (SignalBase & { kind: 'high_risk_no_spo' })
  | (SignalBase & { kind: 'order_breached'; orderRef: string; orderKind: BreachedOrderKind })
  | (SignalBase & { kind: 'same_suspect_other_cases'; otherCases: OtherCase[] })
  | (SignalBase & { kind: 'repeat_referral'; repeatOf: string })
  /** Shown in place of a signal that rests on records this viewer may not see. */
  | (SignalBase & { kind: 'withheld'; about: string });

export type SignalKind = Signal['kind'];

export interface SignalContext {
  /** Found elsewhere by matching suspect link tokens across cases. */
  otherCasesWithSameSuspect?: OtherCase[];
}
