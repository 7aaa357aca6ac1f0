// The sections of a case view folded from its timeline. Their shapes are the contracts' (views/caseSections.ts):
// the case view the conference answers with is documented and typed from the same schemas.
export type {
  BailConditions, Breach, CaseAction, CaseSections, CaseStatus, ConferenceRisk, ConsentState, Disclosure, GradeNote, HealthConcern,
  OrdersState, PoliceRisk, RestrainingOrder, RiskState, Sourced, Spo, SpoConsideration,
} from '@convene/shared/contracts';
