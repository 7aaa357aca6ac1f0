import { z } from 'zod';
import { AudienceEntry, breachConduct, Sharing, SubjectRole, Timestamp } from './common.js';
import { PoliceArrestMade, PoliceBailSet, PoliceIncidentRecorded, PoliceSpoApplied } from './police.js';
import { CpsBailConditionsSet, CpsChargingDecided, CpsHearingScheduled, CpsRestrainingOrderMade } from './cps.js';

/**
 * The request bodies of the agencies' commands, derived from the events they record: a command that creates a
 * record takes the event's data less the reference the service gives the record, plus who it is about, when,
 * and who may see it. The services validate with these, the OpenAPI documents are generated from them, and the
 * web UI types its requests with them, so the three cannot disagree.
 */

/** Someone the agency holds, in the role they play in a record. */
export const SubjectRef = z.object({ personId: z.uuid(), role: SubjectRole });
export type SubjectRef = z.infer<typeof SubjectRef>;

/** Fields every agency command shares: who it is about, when it happened, and who may see it. */
export const commandBase = {
  subjects: z.array(SubjectRef).min(1).max(12),
  occurredAt: Timestamp,
  sharing: Sharing.default('partnership'),
  audience: z.array(AudienceEntry).min(1).max(20).optional(),
};

/**
 * The sharing rule in JSON Schema, so the OpenAPI documents state what the validation applies: apply both, as
 * `.superRefine(sharingRule).meta(sharingRuleDocumented)`.
 */
/** Restricted records, and only they, name their audience. */
export const SHARING_RULE = {
  if: { properties: { sharing: { const: 'restricted' } }, required: ['sharing'] },
  then: { properties: { audience: true }, required: ['audience'] },
  else: { not: { properties: { audience: true }, required: ['audience'] } },
};
/** A record about a victim names one among its subjects. */
export const VICTIM_NAMED = { properties: { subjects: { type: 'array', contains: { type: 'object', properties: { role: { const: 'victim' } }, required: ['role'] } } } };

/** Cross-field rules as JSON Schema for a schema's `.meta()`: one call per schema, as a second `allOf` replaces the first. */
export function documentedRules(...rules: object[]): { allOf: object[] } {
  return { allOf: rules };
}
export const sharingRuleDocumented = documentedRules(SHARING_RULE);
/** The sharing rule and a victim among the subjects (advocacy's records). */
export const sharingAndVictimDocumented = documentedRules(SHARING_RULE, VICTIM_NAMED);

/** Restricted records name their audience; others must not (with `sharingRuleDocumented`, above). */
export function sharingRule(value: { sharing: string; audience?: unknown[] | undefined }, ctx: z.RefinementCtx): void {
  if (value.sharing === 'restricted' && !value.audience) {
    ctx.addIssue({ code: 'custom', path: ['audience'], message: 'a restricted record names its audience' });
  }
  if (value.sharing !== 'restricted' && value.audience) {
    ctx.addIssue({ code: 'custom', path: ['audience'], message: 'only restricted records carry an audience' });
  }
}

/** A breach of an order held by the agency: when, and the conduct that broke it (the event's own fields). */
export const BreachCommand = z.object({ occurredAt: Timestamp, behaviours: breachConduct.behaviours });

export const IncidentCommand = PoliceIncidentRecorded.shape.data.omit({ incidentRef: true }).extend(commandBase).superRefine(sharingRule).meta(sharingRuleDocumented);
export const ArrestCommand = PoliceArrestMade.shape.data.omit({ arrestRef: true }).extend(commandBase).superRefine(sharingRule).meta(sharingRuleDocumented);
export const PoliceBailCommand = PoliceBailSet.shape.data.omit({ bailRef: true }).extend(commandBase).superRefine(sharingRule).meta(sharingRuleDocumented);
export const SpoApplicationCommand = PoliceSpoApplied.shape.data.omit({ orderRef: true }).extend(commandBase).superRefine(sharingRule).meta(sharingRuleDocumented);
export const ChargingDecisionCommand = CpsChargingDecided.shape.data.omit({ decisionRef: true }).extend(commandBase).superRefine(sharingRule).meta(sharingRuleDocumented);
export const HearingCommand = CpsHearingScheduled.shape.data.omit({ hearingRef: true }).extend(commandBase).superRefine(sharingRule).meta(sharingRuleDocumented);
export const RestrainingOrderCommand = CpsRestrainingOrderMade.shape.data.omit({ orderRef: true }).extend(commandBase).superRefine(sharingRule).meta(sharingRuleDocumented);
export const CourtBailCommand = CpsBailConditionsSet.shape.data.omit({ bailRef: true }).extend(commandBase).superRefine(sharingRule).meta(sharingRuleDocumented);

/** What a client sends (defaults not yet applied), for typing requests. */
export type CommandInput<S extends z.ZodType> = z.input<S>;
