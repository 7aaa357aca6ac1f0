import { z } from 'zod';
import { AreaId, AudienceEntry, Behaviour, PartnerAgency, RiskGrade, SubjectRole } from '../common.js';
import { ReferredPerson } from '../agencyCommon.js';
import { SpoKind } from '../police.js';
import { ConcernCategory, ConcernSeverity, ContactPoint } from '../health.js';
import { AllocatedAdvocate, ConsentLevel } from '../advocacy.js';
import { ActionStatus, BreachedOrderKind, ConcernResolution, Referral, RiskTool } from './timeline.js';

// The parts of a case view folded from its timeline. Every value says which event it came from, so every
// figure on screen can be traced to its record.

/** `pending` until the listing itself arrives: agencies' events may reach the view before it. */
export const CaseStatus = z.enum(['pending', 'listed', 'closed']);
export type CaseStatus = z.infer<typeof CaseStatus>;

const sourced = { eventId: z.string(), at: z.string() };
/** Where a value came from. */
export const Sourced = z.object(sourced);
export type Sourced = z.infer<typeof Sourced>;

const eventIds = z.array(z.string());

export const PoliceRisk = z.object({
  ...sourced, tool: RiskTool, grade: RiskGrade.nullable(), declined: z.boolean(), yesCount: z.int().nullable(), raisedByProfessionalJudgement: z.boolean(),
});
export type PoliceRisk = z.infer<typeof PoliceRisk>;

export const GradeNote = z.object({ ...sourced, grade: RiskGrade });
export type GradeNote = z.infer<typeof GradeNote>;

export const ConferenceRisk = GradeNote.extend({ nextReviewOn: z.string() });
export type ConferenceRisk = z.infer<typeof ConferenceRisk>;

export const RiskState = z.object({
  police: PoliceRisk.nullable(),
  /** The victim's own view, latest from each source: the police DASH question and the advocate. */
  victimView: z.object({ police: GradeNote.nullable(), advocacy: GradeNote.nullable() }),
  conference: ConferenceRisk.nullable(),
});
export type RiskState = z.infer<typeof RiskState>;

export const Spo = z.object({
  orderRef: z.string(),
  applied: z.object({ ...sourced, kind: SpoKind }).nullable(),
  granted: z.object({ ...sourced, kind: SpoKind, conditions: z.array(z.string()), expiresOn: z.string() }).nullable(),
  eventIds,
});
export type Spo = z.infer<typeof Spo>;

export const RestrainingOrder = z.object({
  ...sourced, orderRef: z.string(), onConviction: z.boolean(), conditions: z.array(z.string()), expiresOn: z.string().nullable(), eventIds,
});
export type RestrainingOrder = z.infer<typeof RestrainingOrder>;

export const Breach = z.object({
  ...sourced,
  orderRef: z.string(),
  /** Which order the reference names; for an SPO breach, `spo` unless the reference is a restraining order's. */
  orderKind: BreachedOrderKind,
  behaviours: z.array(Behaviour),
});
export type Breach = z.infer<typeof Breach>;

/** Police bail or court bail conditions: what the suspect must not do until charge or trial. */
export const BailConditions = z.object({ ...sourced, bailRef: z.string(), conditions: z.array(z.string()), until: z.string().nullable(), eventIds });
export type BailConditions = z.infer<typeof BailConditions>;

/** A recorded answer to "was an SPO considered?": applied for, or not and why. */
export const SpoConsideration = z.object({ ...sourced, decision: z.enum(['applied', 'not_applied']), orderRef: z.string().nullable(), reason: z.string() });
export type SpoConsideration = z.infer<typeof SpoConsideration>;

export const OrdersState = z.object({
  spos: z.array(Spo),
  restrainingOrders: z.array(RestrainingOrder),
  bail: z.array(BailConditions),
  spoConsiderations: z.array(SpoConsideration),
  breaches: z.array(Breach),
});
export type OrdersState = z.infer<typeof OrdersState>;

export const CaseAction = z.object({
  actionId: z.string(),
  owner: PartnerAgency.nullable(),
  description: z.string().nullable(),
  dueOn: z.string().nullable(),
  status: ActionStatus,
  statusAt: z.string(),
  outcome: z.string().nullable(),
  /** Why it was declined, cancelled or reassigned. */
  note: z.string().nullable(),
  eventIds,
});
export type CaseAction = z.infer<typeof CaseAction>;

/** The minimal health flag; clinical detail arrives only through a disclosure decision. */
export const HealthConcern = z.object({
  concernRef: z.string(),
  subjectRole: SubjectRole.nullable(),
  category: ConcernCategory.nullable(),
  severity: ConcernSeverity.nullable(),
  contact: ContactPoint.nullable(),
  status: z.enum(['open', 'resolved']),
  resolution: ConcernResolution.nullable(),
  eventIds,
});
export type HealthConcern = z.infer<typeof HealthConcern>;

export const Disclosure = z.object({
  requestRef: z.string(),
  concernRef: z.string(),
  requestedAt: z.string().nullable(),
  decision: z.enum(['pending', 'disclosed', 'refused']),
  decidedAt: z.string().nullable(),
  /** Who the decision was shared with: null means the whole partnership. */
  audience: z.array(AudienceEntry).nullable(),
  /** Only on a disclosed decision, and only in the view of someone in its audience. */
  detail: z.string().nullable(),
  eventIds,
});
export type Disclosure = z.infer<typeof Disclosure>;

/** The victim's voice as the advocate recorded it, at the sharing the victim agreed: latest wishes and fears, current safety plan. */
export const VictimVoice = z.object({
  statement: z.object({ ...sourced, ownViewOfRisk: RiskGrade, wishes: z.string(), fears: z.string().nullable() }).nullable(),
  safetyPlan: z.object({ ...sourced, measures: z.array(z.string()), reviewOn: z.string().nullable() }).nullable(),
  /** Who lives with her: counts and ages only, and whether a safeguarding referral was made. */
  household: z.object({ ...sourced, childrenAges: z.array(z.int()), otherAdults: z.int(), safeguardingReferralMade: z.boolean(), safeguardingReferralOn: z.string().nullable() }).nullable(),
  /** How to contact her safely: only in the view of the agencies that need to contact her. */
  /** The IDVA or ISAC allocated to her, as the latest engagement names them, for members to contact. */
  advocate: AllocatedAdvocate.extend(sourced).nullable(),
  safeContact: z.object({ ...sourced, safeTimes: z.string(), safeNumber: z.string().nullable(), noPostHome: z.boolean(), instructions: z.string().nullable() }).nullable(),
});
export type VictimVoice = z.infer<typeof VictimVoice>;

export const ConsentState = z.object({
  ...sourced, level: ConsentLevel.nullable(), limitedTo: z.array(PartnerAgency), givenOn: z.string().nullable(), revoked: z.boolean(), revokedOn: z.string().nullable(),
});
export type ConsentState = z.infer<typeof ConsentState>;

const tokenList = z.array(z.string());
// An object naming every role (not a record keyed by role): each role's list is always there.
const TokensByRole = z.object(Object.fromEntries(SubjectRole.options.map((role) => [role, tokenList])) as Record<z.infer<typeof SubjectRole>, typeof tokenList>);

/** Everything in a case view that is folded from its timeline. */
export const CaseSections = z.object({
  status: CaseStatus,
  /** The area whose conference holds the case (null: listed before areas, so the conference's first area). */
  area: AreaId.nullable(),
  listedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** Days the closed case is kept, as set when it was closed (null: the conference's default applies). */
  retentionDays: z.int().nullable(),
  listingEventId: z.string().nullable(),
  referral: Referral.nullable(),
  repeatOf: z.string().nullable(),
  people: z.array(ReferredPerson),
  /** The link tokens of the case's people, by role. */
  subjectTokens: TokensByRole,
  risk: RiskState,
  orders: OrdersState,
  actions: z.array(CaseAction),
  healthConcerns: z.array(HealthConcern),
  disclosures: z.array(Disclosure),
  consent: ConsentState.nullable(),
  victimVoice: VictimVoice,
  /** Each agency's latest summary of its research on the case, as the viewer may see it. */
  researchSummaries: z.array(z.object({ ...sourced, agency: PartnerAgency, summary: z.string() })),
});
export type CaseSections = z.infer<typeof CaseSections>;
