import type { Agency, Behaviour, RiskGrade } from '@convene/shared/contracts';

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

export type Signal =
  | (SignalBase & { kind: 'behaviour_counts'; counts: BehaviourCounts[] })
  | (SignalBase & { kind: 'escalation_frequency'; last30Days: number; previous30Days: number })
  | (SignalBase & { kind: 'escalation_severity'; from: Rung; to: Rung })
  | (SignalBase & { kind: 'four'; indicators: FourReport })
  | (SignalBase & { kind: 'harassment_may_be_stalking' })
  | (SignalBase & { kind: 'risk_assessment_declined' })
  | (SignalBase & { kind: 'risk_assessment_missing' })
  | (SignalBase & { kind: 'victim_view_higher'; victimView: RiskGrade; assessedGrade: RiskGrade })
  | (SignalBase & { kind: 'high_risk_no_spo' })
  | (SignalBase & { kind: 'order_breached'; orderRef: string; orderKind: 'spo' | 'restraining_order' })
  | (SignalBase & { kind: 'same_suspect_other_cases'; otherCases: OtherCase[] })
  | (SignalBase & { kind: 'repeat_referral'; repeatOf: string })
  /** Shown in place of a signal that rests on records this viewer may not see. */
  | (SignalBase & { kind: 'withheld'; about: string });

export type SignalKind = Signal['kind'];

export interface SignalContext {
  /** Found elsewhere by matching suspect link tokens across cases. */
  otherCasesWithSameSuspect?: OtherCase[];
}
