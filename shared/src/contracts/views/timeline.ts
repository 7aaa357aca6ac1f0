import { z } from 'zod';
import { Agency, AreaId, AudienceEntry, Behaviour, OffenceClass, PartnerAgency, RiskGrade, Sharing, Subject, SubjectRole } from '../common.js';
import { ReferredPerson, WithheldEntry } from '../agencyCommon.js';
import { ConferenceActionUpdated, ConferenceCaseListed, CrossAreaRequestKind } from '../conference.js';
import { PoliceRiskAssessed, SpoKind } from '../police.js';
import { ConcernCategory, ConcernSeverity, ContactPoint, HealthConcernResolved, LegalGateway } from '../health.js';
import { AllocatedAdvocate, ConsentLevel } from '../advocacy.js';
import { EventType } from '../events.js';

export const EntryKind = z.enum([
  'incident', 'risk', 'classification', 'arrest', 'bail', 'order', 'breach', 'charging', 'hearing',
  'outcome', 'concern', 'disclosure', 'engagement', 'victim_view', 'safety_plan', 'household', 'safe_contact', 'diary', 'review',
  'action', 'listing', 'other',
]);
export type EntryKind = z.infer<typeof EntryKind>;

/** Why the case was listed, as its listing says. */
export const Referral = ConferenceCaseListed.shape.data.shape.referral;
export type Referral = z.infer<typeof Referral>;

/** Which kind of order a breach breaks; an SPO breach may name a restraining order (before breaches had kinds). */
export const BreachedOrderKind = z.enum(['spo', 'restraining_order', 'bail']);
export type BreachedOrderKind = z.infer<typeof BreachedOrderKind>;

/** Where an action stands: as the conference sets it, or declined by the agency it was given to. */
export const ActionStatus = z.enum([...ConferenceActionUpdated.shape.data.shape.status.options, 'declined']);
export type ActionStatus = z.infer<typeof ActionStatus>;
export const ConcernResolution = HealthConcernResolved.shape.data.shape.resolution;
export const RiskTool = PoliceRiskAssessed.shape.data.shape.tool;

const fact = <K extends string, S extends z.ZodRawShape>(on: K, shape: S) => z.object({ on: z.literal(on), ...shape });

/**
 * The minimum each entry keeps so every other part of the view can be folded from the sorted timeline
 * alone: that makes the view independent of delivery order, and lets a viewer's copy be rebuilt from
 * only the entries that viewer may see. Free text is kept only where it was written to be shared.
 */
const factsNaming = <P extends z.ZodType>(person: P) => z.discriminatedUnion('on', [
  fact('none', {}),
  fact('incident', { incidentRef: z.string(), text: z.string() }),
  fact('listing', { referral: Referral, people: z.array(person), repeatOf: z.string().nullable(), area: AreaId.nullable() }),
  fact('transfer', { fromArea: AreaId, toArea: AreaId, reason: z.string() }),
  fact('area_request', { toArea: AreaId, kind: CrossAreaRequestKind }),
  fact('closure', { retentionDays: z.int().nullable() }),
  fact('police_risk', {
    tool: RiskTool, declined: z.boolean(), grade: RiskGrade.nullable(), yesCount: z.int().nullable(),
    raisedByProfessionalJudgement: z.boolean(), victimOwnView: RiskGrade.nullable(),
  }),
  // Wishes and fears are written by the advocate to be shared (under the victim's consent); absent on entries folded before they were kept.
  fact('victim_view', { grade: RiskGrade, wishes: z.string().optional(), fears: z.string().optional() }),
  fact('safety_plan', { measures: z.array(z.string()), reviewOn: z.string().nullable() }),
  fact('research_reminded', { agencies: z.array(PartnerAgency) }),
  fact('research_summary', { summary: z.string() }),
  fact('household', { childrenAges: z.array(z.int()), otherAdults: z.int(), safeguardingReferralMade: z.boolean(), safeguardingReferralOn: z.string().nullable() }),
  fact('safe_contact', { safeTimes: z.string(), safeNumber: z.string().nullable(), noPostHome: z.boolean(), instructions: z.string().nullable() }),
  // The meeting and rationale are kept for the minutes (absent on entries folded before they were).
  fact('review', { grade: RiskGrade, nextReviewOn: z.string(), meetingId: z.string().optional(), rationale: z.string().optional() }),
  fact('spo_applied', { orderRef: z.string(), spoKind: SpoKind }),
  fact('spo_granted', { orderRef: z.string(), spoKind: SpoKind, conditions: z.array(z.string()), expiresOn: z.string() }),
  fact('breach', { orderRef: z.string(), orderKind: BreachedOrderKind.optional() }),
  fact('bail', { bailRef: z.string(), conditions: z.array(z.string()), until: z.string().nullable() }),
  fact('spo_considered', { decision: z.enum(['applied', 'not_applied']), orderRef: z.string().nullable(), reason: z.string() }),
  fact('restraining_order', { orderRef: z.string(), onConviction: z.boolean(), conditions: z.array(z.string()), expiresOn: z.string().nullable() }),
  fact('action', {
    actionId: z.string(), status: ActionStatus.optional(), outcome: z.string().optional(), note: z.string().optional(),
    assigned: z.object({ owner: PartnerAgency, description: z.string(), dueOn: z.string(), meetingId: z.string().optional() }).optional(),
  }),
  fact('concern', {
    concernRef: z.string(), subjectRole: SubjectRole.optional(), category: ConcernCategory.optional(),
    severity: ConcernSeverity.optional(), contact: ContactPoint.optional(), resolution: ConcernResolution.optional(),
  }),
  fact('disclosure', { requestRef: z.string(), concernRef: z.string(), decision: z.enum(['requested', 'disclosed', 'refused']), detail: z.string().optional(), legalGateway: LegalGateway.optional() }),
  fact('consent', { level: ConsentLevel, limitedTo: z.array(PartnerAgency), givenOn: z.string(), advocate: AllocatedAdvocate.optional() }),
  fact('consent_revoked', { revokedOn: z.string(), withdrawn: z.int().optional() }),
  fact('research', { recordCount: z.int(), withheld: z.array(WithheldEntry) }),
]);
export const Facts = factsNaming(ReferredPerson);
export type Facts = z.infer<typeof Facts>;
/** The facts as a person reads them: the people a listing names without their link tokens. */
export const SharedFacts = factsNaming(ReferredPerson.omit({ tokens: true }));
export type SharedFacts = z.infer<typeof SharedFacts>;

/** One event as a case timeline holds it. */
export const TimelineEntry = z.object({
  eventId: z.string(),
  type: EventType,
  agency: Agency,
  /** `agency` records never reach a case view. */
  sharing: Sharing.exclude(['agency']),
  audience: z.array(AudienceEntry).optional(),
  occurredAt: z.string(),
  recordedAt: z.string(),
  summary: z.string(),
  kind: EntryKind,
  behaviours: z.array(Behaviour).optional(),
  offenceClass: OffenceClass.optional(),
  /** Only the case's own people among those the record names. */
  subjects: z.array(Subject).optional(),
  facts: Facts,
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;
