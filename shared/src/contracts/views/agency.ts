import { z } from 'zod';
import { AudienceEntry, CaseRef, RiskGrade, StaffMember } from '../common.js';
import { Urn } from '../cps.js';
import { LegalGateway } from '../health.js';

// What the agencies' own APIs answer with, for the web UI to type what it reads with the schemas the services
// document (OpenAPI) and answer through.

/** The answer to every recorded command: its reference, the event, and whether it was shared now. */
export const RecordedView = z.object({
  ref: z.string(),
  eventId: z.uuid(),
  caseRef: z.string().optional(),
  published: z.boolean(),
});
export type RecordedView = z.infer<typeof RecordedView>;

/** Police `POST /risk-assessments`: recorded, with the grade DASH gives (none when declined). */
export const RiskAssessmentRecorded = RecordedView.extend({
  grade: RiskGrade.nullable(), yesCount: z.int().nullable(), raisedByProfessionalJudgement: z.boolean(), declined: z.boolean(),
});
export type RiskAssessmentRecorded = z.infer<typeof RiskAssessmentRecorded>;

/** CPS `POST /history-requests`. */
export const HistoryRequestCreated = z.object({ requestRef: z.uuid(), eventId: z.uuid(), urn: Urn, caseRef: z.string().optional(), published: z.boolean() });
export type HistoryRequestCreated = z.infer<typeof HistoryRequestCreated>;

/** A person as the agency's own staff see them: identifiers and every token their records carry. */
export const PersonView = z.object({ personId: z.uuid(), given: z.string(), family: z.string(), dateOfBirth: z.string(), tokens: z.array(z.string()) });
export type PersonView = z.infer<typeof PersonView>;

export const DisclosureStatus = z.enum(['pending', 'disclosed', 'refused']);

/** Health `GET /disclosure-requests`: one request in the Caldicott queue, and its decision once made. */
export const DisclosureRequestView = z.object({
  requestRef: z.uuid(), caseRef: CaseRef, concernRef: z.string(), requestedBy: StaffMember, reason: z.string(),
  proposedAudience: z.array(AudienceEntry), requestedAt: z.string(), status: DisclosureStatus,
  decision: z.object({
    reason: z.string(), decidedBy: StaffMember, decidedAt: z.string(), audience: z.array(AudienceEntry).optional(), eventId: z.string(),
    legalGateway: LegalGateway.optional().describe('The legal gateway the disclosure relies on'),
  }).optional(),
});
export type DisclosureRequestView = z.infer<typeof DisclosureRequestView>;
