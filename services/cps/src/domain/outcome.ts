import { conflict } from '@convene/shared/errors';

/** A charging decision as the outcome rule needs to see it. */
export interface ChargingDecisionState {
  decisionRef: string;
  outcome: 'charge' | 'no_further_action' | 'caution' | 'more_evidence_needed';
}

/**
 * A case outcome (conviction, acquittal…) follows a decision to charge: there is no court outcome for a
 * suspect who was cautioned, not charged, or is still awaiting evidence.
 */
export function assertOutcomeFollowsCharge(decision: ChargingDecisionState): void {
  if (decision.outcome !== 'charge') {
    throw conflict('decision_not_to_charge', `charging decision ${decision.decisionRef} was ${decision.outcome.replace(/_/g, ' ')}, so there is no case outcome to record`);
  }
}
