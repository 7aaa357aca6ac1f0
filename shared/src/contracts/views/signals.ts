import { z } from 'zod';
import { Agency, Behaviour, RiskGrade } from '../common.js';
import { BreachedOrderKind } from './timeline.js';

// Course-of-conduct signals, as the case view answers with them (computed on the whole case, shown per viewer).

export const SignalSeverity = z.enum(['info', 'warning', 'critical']);
export type SignalSeverity = z.infer<typeof SignalSeverity>;

const SignalBase = z.object({
  /** Stable: the same condition keeps the same id from one computation to the next. */
  id: z.string(),
  severity: SignalSeverity,
  title: z.string(),
  /** One sentence, never a name. */
  explanation: z.string(),
  /** The events the signal rests on; empty only for signals that rest on other cases. */
  eventIds: z.array(z.string()),
  /** Records it rests on that this viewer may not see: how many, and which agencies hold them (to ask). */
  withheld: z.object({ count: z.int(), holders: z.array(Agency) }).optional(),
});

export const CountWindow = z.literal([7, 30, 90]);
export type CountWindow = z.infer<typeof CountWindow>;

export const BehaviourCounts = z.object({
  window: CountWindow,
  /** How many times each behaviour was recorded in the window. */
  byBehaviour: z.partialRecord(Behaviour, z.int()),
  /** How many behaviour-bearing records each agency made in the window. */
  byAgency: z.partialRecord(Agency, z.int()),
});
export type BehaviourCounts = z.infer<typeof BehaviourCounts>;

export const Rung = z.enum(['contact', 'loitering', 'approach', 'threats', 'violence']);
export type Rung = z.infer<typeof Rung>;

export const FourIndicator = z.object({ met: z.boolean(), eventIds: z.array(z.string()) });
export type FourIndicator = z.infer<typeof FourIndicator>;

export const FourReport = z.object({ fixated: FourIndicator, obsessive: FourIndicator, unwanted: FourIndicator, repeated: FourIndicator });
export type FourReport = z.infer<typeof FourReport>;

export const OtherCase = z.object({ caseRef: z.string(), agencies: z.array(Agency) });
export type OtherCase = z.infer<typeof OtherCase>;

/** Behaviour records in the last 30 days and the 30 before; `rising` when the rule's threshold is met. */
export const FrequencyMeasure = z.object({ last30Days: z.int(), previous30Days: z.int(), rising: z.boolean() });
export type FrequencyMeasure = z.infer<typeof FrequencyMeasure>;

/**
 * The worst rung in the last 30 days and the rung it stepped up from: `against_earlier` when it is above anything
 * before the window, `within_window` when above an earlier record inside it; null `steppedUp` when neither.
 */
export const SeverityMeasure = z.object({ to: Rung.nullable(), from: Rung.nullable(), steppedUp: z.enum(['against_earlier', 'within_window']).nullable() });
export type SeverityMeasure = z.infer<typeof SeverityMeasure>;

export const StaleBecause = z.enum(['older_than_90_days', 'older_than_latest_incident']);
export type StaleBecause = z.infer<typeof StaleBecause>;

const signal = <K extends string, S extends z.ZodRawShape>(kind: K, shape: S) => SignalBase.extend({ kind: z.literal(kind), ...shape });

export const Signal = z.discriminatedUnion('kind', [
  signal('behaviour_counts', { counts: z.array(BehaviourCounts) }),
  signal('escalation', { frequency: FrequencyMeasure, stepUp: SeverityMeasure }),
  signal('four', { indicators: FourReport }),
  signal('harassment_may_be_stalking', {}),
  signal('risk_assessment_declined', {}),
  signal('risk_assessment_missing', {}),
  signal('risk_assessment_stale', { assessedAt: z.string(), because: z.array(StaleBecause) }),
  /** `assessedGrade` is null when there is no grade to compare with: the DASH was declined or never done. */
  signal('victim_view_higher', { victimView: RiskGrade, assessedGrade: RiskGrade.nullable(), assessment: z.enum(['graded', 'declined', 'missing']) }),
  signal('high_risk_no_spo', {}),
  signal('order_breached', { orderRef: z.string(), orderKind: BreachedOrderKind }),
  signal('same_suspect_other_cases', { otherCases: z.array(OtherCase) }),
  signal('repeat_referral', { repeatOf: z.string() }),
  /** Shown in place of a signal that rests on records this viewer may not see. */
  signal('withheld', { about: z.string() }),
]);
export type Signal = z.infer<typeof Signal>;
export type SignalKind = Signal['kind'];
