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

/** Restricted records name their audience; others must not. Apply with `.superRefine(sharingRule)`. */
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

export const IncidentCommand = PoliceIncidentRecorded.shape.data.omit({ incidentRef: true }).extend(commandBase).superRefine(sharingRule);
export const ArrestCommand = PoliceArrestMade.shape.data.omit({ arrestRef: true }).extend(commandBase).superRefine(sharingRule);
export const PoliceBailCommand = PoliceBailSet.shape.data.omit({ bailRef: true }).extend(commandBase).superRefine(sharingRule);
export const SpoApplicationCommand = PoliceSpoApplied.shape.data.omit({ orderRef: true }).extend(commandBase).superRefine(sharingRule);
export const ChargingDecisionCommand = CpsChargingDecided.shape.data.omit({ decisionRef: true }).extend(commandBase).superRefine(sharingRule);
export const HearingCommand = CpsHearingScheduled.shape.data.omit({ hearingRef: true }).extend(commandBase).superRefine(sharingRule);
export const RestrainingOrderCommand = CpsRestrainingOrderMade.shape.data.omit({ orderRef: true }).extend(commandBase).superRefine(sharingRule);
export const CourtBailCommand = CpsBailConditionsSet.shape.data.omit({ bailRef: true }).extend(commandBase).superRefine(sharingRule);

/** What a client sends (defaults not yet applied), for typing requests. */
export type CommandInput<S extends z.ZodType> = z.input<S>;
