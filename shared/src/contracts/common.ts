import { z } from 'zod';
import { LinkToken } from '../link-tokens/index.js';

/** The agencies that publish on the bus. `conference` is the partnership's own service. */
export const Agency = z.enum(['police', 'cps', 'health', 'advocacy', 'conference']);
export type Agency = z.infer<typeof Agency>;

export const PartnerAgency = z.enum(['police', 'cps', 'health', 'advocacy']);
export type PartnerAgency = z.infer<typeof PartnerAgency>;

/** `agency` records never leave the agency; a bus event carrying it is rejected. */
export const Sharing = z.enum(['partnership', 'restricted', 'agency']);
export type Sharing = z.infer<typeof Sharing>;

/** A `health_idva` is an independent domestic violence adviser based in a hospital: employed by health, working with advocacy. */
export const Role = z.enum(['chair', 'police', 'cps', 'health', 'advocate', 'caldicott', 'scrutiny', 'health_idva']);
export type Role = z.infer<typeof Role>;

/**
 * A partnership area (a force area or local authority with its own MARAC or stalking clinic), as the
 * deployment's CONVENE_AREAS names it: lower-case letters, digits and hyphens.
 */
export const AreaId = z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, 'an area id: lower-case letters, digits and hyphens, 2 to 40 characters');
export type AreaId = z.infer<typeof AreaId>;

/** Who is calling: taken from a verified token's claims, never from the request body. */
export const Principal = z.object({
  sub: z.string().min(1).max(128),
  name: z.string().min(1).max(120).optional(),
  agency: Agency,
  role: Role,
  /** The area the person works in. A deployment of one area may leave it out; with several, the conference requires it. */
  area: AreaId.optional(),
});
export type Principal = z.infer<typeof Principal>;

/** Who may see a `restricted` event: whole agencies, or named roles within the partnership. */
export const AudienceEntry = z.union([
  z.object({ agency: Agency }).strict(),
  z.object({ role: Role }).strict(),
]);
export type AudienceEntry = z.infer<typeof AudienceEntry>;

export const LegalBasis = z.enum([
  'dpa-2018-part-3', // law enforcement processing: police and CPS
  'uk-gdpr-art-6-1-e', // public task: advocacy, conference
  'uk-gdpr-art-6-1-e+art-9-2-h', // health and social care: health
  'uk-gdpr-art-6-1-e+art-9-2-g', // substantial public interest (safeguarding): advocacy special category
]);
export type LegalBasis = z.infer<typeof LegalBasis>;

export const SubjectRole = z.enum(['victim', 'suspect', 'child', 'other']);
export type SubjectRole = z.infer<typeof SubjectRole>;

export const Subject = z.object({
  role: SubjectRole,
  tokens: z.array(LinkToken).min(1).max(8),
});
export type Subject = z.infer<typeof Subject>;

/** Conference case reference, e.g. CNV-2026-000123. */
export const CaseRef = z.string().regex(/^CNV-\d{4}-\d{6}$/, 'expected a case reference like CNV-2026-000123');
export type CaseRef = z.infer<typeof CaseRef>;

/** An agency's own reference for one of its records. Short, printable, never personal data. */
export const RecordRef = z.string().min(1).max(64).regex(/^[A-Za-z0-9][A-Za-z0-9._\/-]*$/, 'letters, digits and . _ / - only');

/** Free text shared with partners. Bounded so one event can never flood a meeting screen. */
/**
 * Text that is trimmed, then at least `min` and at most `max` characters long. The document states the minimum as
 * a pattern too (JSON Schema's minLength counts spaces the trim removes): `min` characters from the first to the last
 * that is not white space. \uFEFF is named because JavaScript trims it and some other engines' \s does not match it.
 */
export function trimmedText(min: number, max: number, message?: string) {
  const edge = '[^\\s\\uFEFF]';
  const pattern = min <= 1 ? edge : `${edge}[\\s\\S]{${min - 2},}${edge}`;
  return z.string().trim().min(min, message).max(max).meta({ pattern });
}

export const ShareableText = trimmedText(1, 2000);

export const Timestamp = z.iso.datetime({ offset: true });
export const CalendarDate = z.iso.date();

/** A calendar month, `2026-03`. */
export const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month like 2026-03');
export type Month = z.infer<typeof Month>;

export const RiskGrade = z.enum(['standard', 'medium', 'high']);
export type RiskGrade = z.infer<typeof RiskGrade>;

/** The controlled list of stalking and harassment behaviours (DESIGN §5). */
export const Behaviour = z.enum([
  'messages',
  'calls',
  'social_media',
  'following',
  'loitering_home',
  'loitering_work',
  'approaching',
  'gifts',
  'property_damage',
  'threats',
  'violence',
  'tracking',
  'contacting_third_parties',
  'identity_misuse',
]);
export type Behaviour = z.infer<typeof Behaviour>;

/** What every breach of an order records: when it was broken, and the conduct that broke it. */
export const breachConduct = {
  breachedAt: Timestamp,
  behaviours: z.array(Behaviour).min(1).max(14),
};

/** Protection from Harassment Act 1997 sections and the usual alternatives. */
export const OffenceClass = z.enum(['pha_s2', 'pha_s2a', 'pha_s4', 'pha_s4a', 'malicious_communications', 'other']);
export type OffenceClass = z.infer<typeof OffenceClass>;

export const StaffMember = z.object({
  userId: z.string().min(1).max(128),
  displayName: z.string().min(1).max(120).optional(),
});
export type StaffMember = z.infer<typeof StaffMember>;

/** Why a record was held back from a research return; never what it says. */
export const WithheldReason = z.enum([
  'agency_only',
  'live_investigation',
  'legal_privilege',
  'consent_not_given',
  'health_detail_needs_disclosure_decision',
  'third_party_information',
  'not_shared_with_requester',
]);
export type WithheldReason = z.infer<typeof WithheldReason>;
