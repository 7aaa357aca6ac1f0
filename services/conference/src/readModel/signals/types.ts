import type { CountWindow, OtherCase } from '@convene/shared/contracts';

// A signal's shape is the contracts' (views/signals.ts): the signals the case view answers with are documented
// and typed from the same schemas.
export type {
  BehaviourCounts, FourIndicator, FourReport, FrequencyMeasure, OtherCase, Rung, SeverityMeasure, Signal, SignalKind, StaleBecause,
} from '@convene/shared/contracts';

export type Window = CountWindow;

export interface SignalContext {
  /** Found elsewhere by matching suspect link tokens across cases. */
  otherCasesWithSameSuspect?: OtherCase[];
}
