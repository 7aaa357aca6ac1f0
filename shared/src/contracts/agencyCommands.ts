import { z } from 'zod';
import { DATE_OF_BIRTH_FORMATS, DATE_OF_BIRTH_PATTERNS, NAME_PATTERN, NHS_NUMBER_PATTERN, PNC_ID_PATTERN, POSTCODE_PATTERN } from '../link-tokens/index.js';
import { AudienceEntry, Behaviour, CalendarDate, CaseRef, PartnerAgency, RecordRef, RiskGrade, ShareableText, SubjectRole, Timestamp, trimmedText } from './common.js';
import { ReferralCriterion, ResearchSummary } from './agencyCommon.js';
import { DASH_QUESTIONS, DashAnswer, PoliceClassificationChanged, PoliceSpoConsidered, PoliceSpoGranted, SDASH_QUESTIONS } from './police.js';
import { HistoryWindowMonths, LawfulBasisForCheck, OfficerInCase, Urn } from './cps.js';
import { ConcernCategory, ConcernSeverity, ContactPoint, HealthConcernResolved, LegalGateway } from './health.js';
import { AdvocacyConsentRevoked, AllocatedAdvocate, ConsentLevel } from './advocacy.js';
import { commandBase, documentedRules, SHARING_RULE, sharingAndVictimDocumented, sharingRule, sharingRuleDocumented, SubjectRef, VICTIM_NAMED } from './commands.js';

/**
 * The request bodies of the agencies' commands that are not an event's data less its reference (those are in
 * commands.ts): the services validate with these, the OpenAPI documents are generated from them, and the web UI
 * types its requests with them.
 */

/** A person the agency holds, with the identifiers it knows. Only their link tokens ever leave it. */
export const PersonInput = z.object({
  given: z.string().trim().min(1).max(80).meta({ pattern: NAME_PATTERN }),
  family: z.string().trim().min(1).max(80).meta({ pattern: NAME_PATTERN }),
  // Written as the agency writes it; stored as YYYY-MM-DD (a refusal is a 400 naming body.dateOfBirth). The link
  // tokens' parsers check these identifiers, with refusals of their own; the patterns only document them.
  dateOfBirth: z.string().trim().min(1).max(32).meta({
    description: `Date of birth, a real date from 1900-01-01 to today: ${DATE_OF_BIRTH_FORMATS}; any case, ordinals (1st) and full month names too`,
    anyOf: DATE_OF_BIRTH_PATTERNS.map((pattern) => ({ pattern })),
  }),
  nhsNumber: z.string().trim().min(10).max(14).meta({ format: 'nhs-number', pattern: NHS_NUMBER_PATTERN, description: '10 digits with a correct modulus-11 check digit' }).optional(),
  pncId: z.string().trim().min(4).max(16).meta({ format: 'pnc-id', pattern: PNC_ID_PATTERN, description: 'YY/NNNNNNNL or YYYY/NNNNNNNL (the serial zero-padded to 7 without the slash) with a correct check letter' }).optional(),
  postcode: z.string().trim().min(5).max(9).meta({ pattern: POSTCODE_PATTERN, description: 'A UK postcode (any case and spacing)' }).optional(),
});
export type PersonInput = z.infer<typeof PersonInput>;

/** A referral to the conference, on one of the criteria the referring agency refers on. */
export function referralCommand(criteria: readonly z.infer<typeof ReferralCriterion>[]) {
  return z.object({
    subjects: z.array(SubjectRef).min(1).max(12),
    criterion: ReferralCriterion.extract(criteria),
    reason: ShareableText,
  }).superRefine((v, ctx) => {
    if (!v.subjects.some((s) => s.role === 'victim')) ctx.addIssue({ code: 'custom', path: ['subjects'], message: 'a referral names the victim' });
  }).meta(documentedRules(VICTIM_NAMED));
}
/** A referral on any criterion (each agency accepts some of them: see its `POST /referrals`). */
export const ReferralCommand = referralCommand(ReferralCriterion.options);

// Police: a DASH risk assessment, completed (all 27 answers) or declined by the victim.
export const DashAnswers = z.object(Object.fromEntries(DASH_QUESTIONS.map((q) => [q, DashAnswer])) as Record<(typeof DASH_QUESTIONS)[number], typeof DashAnswer>).strict();
export type DashAnswers = z.infer<typeof DashAnswers>;
export const SdashAnswers = z.object(Object.fromEntries(SDASH_QUESTIONS.map((q) => [q, DashAnswer])) as Record<(typeof SDASH_QUESTIONS)[number], typeof DashAnswer>).strict();
export type SdashAnswers = z.infer<typeof SdashAnswers>;

export const RiskAssessmentCommand = z.object({
  ...commandBase,
  declined: z.boolean(),
  answers: DashAnswers.optional(),
  sdashAnswers: SdashAnswers.optional(),
  professionalJudgement: z.object({ grade: RiskGrade, rationale: ShareableText }).optional(),
  victimOwnView: RiskGrade.optional(),
}).superRefine(sharingRule).meta(documentedRules(SHARING_RULE, {
  // Completed: the 27 answers; declined: none.
  if: { properties: { declined: { const: false } }, required: ['declined'] },
  then: { properties: { answers: true }, required: ['answers'] },
  else: { not: { properties: { answers: true }, required: ['answers'] } },
}, {
  // The stalking question ticked: the S-DASH answers, and only then.
  if: { properties: { answers: { type: 'object', properties: { stalking_or_harassment: { const: 'yes' } }, required: ['stalking_or_harassment'] } }, required: ['answers'] },
  then: { properties: { sdashAnswers: true }, required: ['sdashAnswers'] },
  else: { not: { properties: { sdashAnswers: true }, required: ['sdashAnswers'] } },
})).superRefine((v, ctx) => {
  if (!v.declined && !v.answers) ctx.addIssue({ code: 'custom', path: ['answers'], message: 'a completed DASH needs all 27 answers' });
  if (v.declined && v.answers) ctx.addIssue({ code: 'custom', path: ['answers'], message: 'a declined DASH has no answers' });
  if (v.answers?.stalking_or_harassment === 'yes' && !v.sdashAnswers) {
    ctx.addIssue({ code: 'custom', path: ['sdashAnswers'], message: 'the stalking question is ticked: the S-DASH questions must be answered' });
  }
  if (v.sdashAnswers && v.answers?.stalking_or_harassment !== 'yes') {
    ctx.addIssue({ code: 'custom', path: ['sdashAnswers'], message: 'S-DASH is answered only when the stalking question is ticked' });
  }
});

/**
 * CPS: a lawyer names the CPS case file (URN), the suspects in it (by local person id), why, and optionally the
 * conference case the check is for. The purpose is the lawyer's own words, checked later against the basis.
 */
export const HistoryRequestCommand = z.object({
  urn: Urn.describe('The CPS case file naming the suspects as suspect or defendant (a charging decision or hearing recorded with this URN)'),
  suspects: z.array(z.uuid()).min(1).max(8).describe('Local person ids of the suspects, each named as suspect in the case file'),
  caseRef: CaseRef.optional().describe('The conference case the check is for, if there is one: it must be a case about these suspects'),
  lawfulBasis: LawfulBasisForCheck,
  purpose: trimmedText(10, 1000, 'say why the check is needed, in at least ten characters'),
  officerInCase: OfficerInCase.optional().describe('The police officer in the case, for agencies answering the check'),
  windowMonths: HistoryWindowMonths.optional().describe('How many months back agencies look (default 12; at most the partnership\'s maximum, HISTORY_WINDOW_MAX_MONTHS at CPS)'),
});

/** Health: clinical detail, held by the health service only, so it may be longer than anything shared. */
export const ClinicalDetail = trimmedText(1, 4000);

/**
 * A concern's subjectRole is one of its subjects' roles. JSON Schema cannot compare two fields, so it is stated
 * once per role, as alternatives: this subjectRole, and a subject with this role. (Not an if/then per role:
 * schemathesis cannot generate from four of them beside the sharing rule.)
 */
export const SUBJECT_ROLE_AMONG_SUBJECTS = {
  anyOf: SubjectRole.options.map((role) => ({
    properties: { subjectRole: { const: role }, subjects: { type: 'array', contains: { type: 'object', properties: { role: { const: role } }, required: ['role'] } } },
  })),
};

export const FlagConcernCommand = z.object({
  ...commandBase,
  subjectRole: SubjectRole,
  category: ConcernCategory,
  severity: ConcernSeverity,
  contact: ContactPoint,
  detail: ClinicalDetail,
}).superRefine(sharingRule).meta(documentedRules(SHARING_RULE, SUBJECT_ROLE_AMONG_SUBJECTS)).superRefine((v, ctx) => {
  if (!v.subjects.some((s) => s.role === v.subjectRole)) {
    ctx.addIssue({ code: 'custom', path: ['subjectRole'], message: `no subject of this concern has the role ${v.subjectRole}` });
  }
});

/** A disclosure names its audience and legal gateway; a refusal gives neither, nor any detail. */
export const DISCLOSURE_DECIDED = {
  if: { properties: { decision: { const: 'disclosed' } }, required: ['decision'] },
  then: { properties: { audience: true, legalGateway: true }, required: ['audience', 'legalGateway'] },
  else: { properties: { audience: false, legalGateway: false, detail: false } },
};

/** Health: the Caldicott guardian discloses a concern's detail to a named audience, or refuses. */
export const DisclosureDecisionCommand = z.object({
  decision: z.enum(['disclosed', 'refused']),
  reason: ShareableText,
  /** Required when disclosing: who may read the detail. The request's proposed audience is a suggestion only. */
  audience: z.array(AudienceEntry).min(1).max(20).optional(),
  /** What is disclosed; by default the concern's stored detail, cut to 2,000 characters. */
  detail: ShareableText.optional(),
  /** Required when disclosing: the legal gateway the disclosure relies on. */
  legalGateway: LegalGateway.optional(),
}).superRefine((v, ctx) => {
  if (v.decision === 'disclosed' && !v.audience) ctx.addIssue({ code: 'custom', path: ['audience'], message: 'a disclosure names its audience' });
  if (v.decision === 'disclosed' && !v.legalGateway) ctx.addIssue({ code: 'custom', path: ['legalGateway'], message: 'a disclosure names the legal gateway it relies on' });
  if (v.decision === 'refused' && v.legalGateway) ctx.addIssue({ code: 'custom', path: ['legalGateway'], message: 'a refusal relies on no legal gateway' });
  if (v.decision === 'refused' && v.audience) ctx.addIssue({ code: 'custom', path: ['audience'], message: 'a refusal has no audience' });
  if (v.decision === 'refused' && v.detail) ctx.addIssue({ code: 'custom', path: ['detail'], message: 'a refusal discloses no detail' });
}).meta(documentedRules(DISCLOSURE_DECIDED));
export type DisclosureDecisionCommand = z.infer<typeof DisclosureDecisionCommand>;

/** Advocacy records are about a victim: apply with `.superRefine(namesAVictim)`. */
export function namesAVictim(value: { subjects?: { role: string }[] }, ctx: z.RefinementCtx): void {
  if (!value.subjects?.some((s) => s.role === 'victim')) ctx.addIssue({ code: 'custom', path: ['subjects'], message: 'the record names the victim' });
}

/** Advocacy: engaging a victim, with their consent to share (full, limited to named agencies, or none). */
export const EngagementCommand = z.object({
  ...commandBase,
  consent: ConsentLevel,
  consentGivenOn: CalendarDate,
  limitedTo: z.array(PartnerAgency).min(1).max(4).optional(),
  advocate: AllocatedAdvocate.optional().describe('The IDVA or ISAC allocated to her: shown to members, under her consent'),
}).superRefine(sharingRule).meta(documentedRules(SHARING_RULE, {
  properties: { subjects: { type: 'array', minItems: 1, maxItems: 1, items: { type: 'object', properties: { role: { const: 'victim' } }, required: ['role'] } } },
}, {
  if: { properties: { consent: { const: 'limited' } }, required: ['consent'] },
  then: { properties: { limitedTo: true }, required: ['limitedTo'] },
  else: { not: { properties: { limitedTo: true }, required: ['limitedTo'] } },
}, { properties: { limitedTo: { type: 'array', uniqueItems: true } } })).superRefine((v, ctx) => {
  if (v.subjects?.length !== 1 || v.subjects[0]?.role !== 'victim') {
    ctx.addIssue({ code: 'custom', path: ['subjects'], message: 'an engagement is with one person, the victim' });
  }
  if (v.consent === 'limited' && !v.limitedTo) ctx.addIssue({ code: 'custom', path: ['limitedTo'], message: 'limited consent names the agencies the victim agreed to share with' });
  if (v.consent !== 'limited' && v.limitedTo) ctx.addIssue({ code: 'custom', path: ['limitedTo'], message: 'only limited consent names agencies' });
  if (v.limitedTo && new Set(v.limitedTo).size !== v.limitedTo.length) ctx.addIssue({ code: 'custom', path: ['limitedTo'], message: 'each agency once' });
});

/** Advocacy: the victim's own view of their risk, their wishes and fears (belongs to an engagement). */
export const VictimViewCommand = z.object({
  ...commandBase,
  engagementRef: RecordRef,
  ownViewOfRisk: RiskGrade,
  wishes: ShareableText,
  fears: ShareableText.optional(),
}).superRefine(sharingRule).superRefine(namesAVictim).meta(sharingAndVictimDocumented);

/** Advocacy: the victim's safety plan as it now stands (belongs to an engagement). */
export const SafetyPlanCommand = z.object({
  ...commandBase,
  engagementRef: RecordRef,
  measures: z.array(ShareableText).min(1).max(30),
  reviewOn: CalendarDate.optional(),
}).superRefine(sharingRule).superRefine(namesAVictim).meta(sharingAndVictimDocumented);

/** Advocacy: an incident in the victim's diary, in their words. */
export const DiaryEntryCommand = z.object({
  ...commandBase,
  // The entry is ordered by when the victim says it happened, not when it was typed; kept so older clients still parse.
  occurredAt: Timestamp.optional().describe('Ignored: a diary entry occurred at its happenedAt'),
  behaviours: z.array(Behaviour).min(1).max(14),
  happenedAt: Timestamp,
  place: trimmedText(1, 120),
  account: ShareableText,
}).superRefine(sharingRule).superRefine(namesAVictim).meta(sharingAndVictimDocumented);

// Commands about a record that exists: each is the part of its event the caller gives.

/** Police: reclassify an incident (e.g. harassment to s2A stalking), with the reason. */
export const ReclassifyCommand = PoliceClassificationChanged.shape.data.pick({ to: true, reason: true });

/** Police: the court granting an SPO applied for (interim or full), with its conditions and expiry. */
export const SpoGrantCommand = PoliceSpoGranted.shape.data.omit({ orderRef: true }).extend({ occurredAt: Timestamp });

/** Police: an SPO considered, applied for (naming the application if recorded) or not, with the reason. */
export const SpoConsiderationCommand = PoliceSpoConsidered.shape.data.omit({ considerationRef: true }).extend(commandBase)
  .superRefine(sharingRule).meta(documentedRules(SHARING_RULE, {
    // A decision not to apply names no application.
    if: { properties: { decision: { const: 'not_applied' } }, required: ['decision'] },
    then: { not: { properties: { orderRef: true }, required: ['orderRef'] } },
  })).superRefine((value, ctx) => {
    if (value.decision === 'not_applied' && value.orderRef) {
      ctx.addIssue({ code: 'custom', path: ['orderRef'], message: 'a decision not to apply names no application' });
    }
  });

/** Advocacy: the victim revoking her consent, on the day she did. */
export const RevokeConsentCommand = AdvocacyConsentRevoked.shape.data.pick({ revokedOn: true });

/** Health: an open concern resolved, and how. */
export const ResolveConcernCommand = HealthConcernResolved.shape.data.pick({ resolution: true });

/** An agency summarising its research on a listed case for the meeting: bounded text, to the partnership or a named audience. */
export const ResearchSummaryCommand = ResearchSummary.extend({
  sharing: z.enum(['partnership', 'restricted']).default('partnership'),
  audience: z.array(AudienceEntry).min(1).max(20).optional(),
}).superRefine(sharingRule).meta(sharingRuleDocumented);
