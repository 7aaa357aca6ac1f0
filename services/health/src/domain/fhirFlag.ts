import { z } from 'zod';
import { ConcernCategory, ConcernSeverity, SubjectRole } from '@convene/shared/contracts';
import { issue, operationOutcome, outcomeIssues, type OperationOutcome, type OperationOutcomeIssue } from './operationOutcome.js';

/**
 * A health concern given as an HL7 FHIR R4 Flag (http://hl7.org/fhir/R4/flag.html). The mapping:
 *
 * | Flag element                                                     | concern field                        |
 * |------------------------------------------------------------------|--------------------------------------|
 * | status = active (inactive / entered-in-error cannot raise one)    | a new, open concern                  |
 * | code.coding[system = CONCERN_CATEGORY_SYSTEM].code               | category (ConcernCategory)           |
 * | extension[url = CONCERN_SEVERITY_EXTENSION].valueCode            | severity: low / medium / high        |
 * | extension[url = SUBJECT_ROLE_EXTENSION].valueCode (optional)     | subjectRole, default victim          |
 * | subject.reference = Patient/<personId> or Person/<personId>       | the person held by this service      |
 * | author.display                                                   | contact.service                      |
 * | code.text (optional)                                             | detail: kept locally, never published|
 * | period.start (optional: date or dateTime with zone)              | occurredAt, default now              |
 *
 * Flag.category, identifier, encounter, meta, text and contained are accepted and not mapped.
 */
export const CONCERN_CATEGORY_SYSTEM = 'https://convene.example/fhir/CodeSystem/concern-category';
export const CONCERN_SEVERITY_EXTENSION = 'https://convene.example/fhir/StructureDefinition/concern-severity';
export const SUBJECT_ROLE_EXTENSION = 'https://convene.example/fhir/StructureDefinition/subject-role';

const FhirString = (max: number) => z.string().min(1).max(max);
const FhirDateTime = z.union([z.iso.date(), z.iso.datetime({ offset: true })], { error: 'expected a date (YYYY-MM-DD) or a dateTime with a time zone' });

const Coding = z.strictObject({
  system: FhirString(200).optional(),
  version: FhirString(64).optional(),
  code: FhirString(64).optional(),
  display: FhirString(200).optional(),
  userSelected: z.boolean().optional(),
});

const CodeableConcept = z.strictObject({
  coding: z.array(Coding).max(20).optional(),
  text: FhirString(4000).optional(),
});

const Reference = z.strictObject({
  reference: FhirString(200).optional(),
  type: FhirString(200).optional(),
  identifier: z.looseObject({}).optional(),
  display: FhirString(120).optional(),
});

/** Extensions carry one of many value[x] types; only the ones this service reads are checked further. */
const Extension = z.looseObject({ url: FhirString(200), valueCode: FhirString(64).optional() });

export const FhirFlag = z.strictObject({
  resourceType: z.literal('Flag'),
  id: z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/).optional(),
  meta: z.looseObject({}).optional(),
  implicitRules: FhirString(200).optional(),
  language: FhirString(20).optional(),
  text: z.strictObject({ status: z.enum(['generated', 'extensions', 'additional', 'empty']), div: FhirString(10_000) }).optional(),
  contained: z.array(z.looseObject({ resourceType: FhirString(64) })).max(5).optional(),
  extension: z.array(Extension).max(20).optional(),
  // A modifier extension changes the meaning of the resource; a server that does not know it must refuse.
  modifierExtension: z.array(Extension).max(0, 'modifier extensions are not supported by this server').optional(),
  identifier: z.array(z.looseObject({})).max(10).optional(),
  status: z.enum(['active', 'inactive', 'entered-in-error']),
  category: z.array(CodeableConcept).max(10).optional(),
  code: CodeableConcept,
  subject: Reference,
  period: z.strictObject({ start: FhirDateTime.optional(), end: FhirDateTime.optional() }).optional(),
  encounter: Reference.optional(),
  author: Reference.optional(),
});
export type FhirFlag = z.infer<typeof FhirFlag>;

/** What a valid Flag says, in the health service's own terms. */
export interface ConcernFromFlag {
  personId: string;
  subjectRole: SubjectRole;
  category: ConcernCategory;
  severity: z.infer<typeof ConcernSeverity>;
  contact: { service: string };
  detail?: string;
  occurredAt: string;
}

export type FlagMapping = { ok: true; flag: FhirFlag; concern: ConcernFromFlag } | { ok: false; outcome: OperationOutcome };

const SUBJECT_REFERENCE = /^(?:Patient|Person)\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

function extensionCode<T extends string>(flag: FhirFlag, url: string, values: readonly T[], issues: OperationOutcomeIssue[]): T | undefined {
  const index = (flag.extension ?? []).findIndex((e) => e.url === url);
  if (index < 0) return undefined;
  const code = flag.extension?.[index]?.valueCode;
  const at = `Flag.extension[${index}].valueCode`;
  if (code === undefined) issues.push(issue('required', `extension ${url} carries a valueCode`, at));
  else if (!(values as readonly string[]).includes(code)) issues.push(issue('invalid', `'${code}' is not one of ${values.join(', ')}`, at));
  else return code as T;
  return undefined;
}

function startOf(value: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value;
}

/**
 * Read a FHIR R4 Flag as a health concern. Pure: the person it names is looked up by the caller. Every
 * problem is reported at once, as an OperationOutcome issue with the FHIRPath of the element at fault.
 */
export function concernFromFlag(input: unknown, now: Date = new Date()): FlagMapping {
  const parsed = FhirFlag.safeParse(input);
  if (!parsed.success) return { ok: false, outcome: operationOutcome(outcomeIssues('Flag', parsed.error, input)) };
  const flag = parsed.data;
  const issues: OperationOutcomeIssue[] = [];

  if (flag.status !== 'active') issues.push(issue('invalid', `only an active Flag raises a concern; this one is ${flag.status}`, 'Flag.status'));

  let category: ConcernCategory | undefined;
  const codings = flag.code.coding ?? [];
  const index = codings.findIndex((c) => c.system === CONCERN_CATEGORY_SYSTEM);
  if (index < 0) issues.push(issue('required', `code needs a coding from ${CONCERN_CATEGORY_SYSTEM}`, 'Flag.code.coding'));
  else {
    const code = codings[index]?.code;
    const at = `Flag.code.coding[${index}].code`;
    const known = ConcernCategory.safeParse(code);
    if (code === undefined) issues.push(issue('required', 'the concern category coding carries a code', at));
    else if (!known.success) issues.push(issue('invalid', `'${code}' is not in ${CONCERN_CATEGORY_SYSTEM} (${ConcernCategory.options.join(', ')})`, at));
    else category = known.data;
  }

  const hasSeverity = (flag.extension ?? []).some((e) => e.url === CONCERN_SEVERITY_EXTENSION);
  if (!hasSeverity) issues.push(issue('required', `a severity extension ${CONCERN_SEVERITY_EXTENSION} is required`, 'Flag.extension'));
  const severity = extensionCode(flag, CONCERN_SEVERITY_EXTENSION, ConcernSeverity.options, issues);
  const subjectRole = extensionCode(flag, SUBJECT_ROLE_EXTENSION, SubjectRole.options, issues) ?? 'victim';

  let personId: string | undefined;
  const reference = flag.subject.reference;
  if (reference === undefined) issues.push(issue('required', 'subject.reference names the person (Patient/<id> or Person/<id>)', 'Flag.subject.reference'));
  else {
    const match = SUBJECT_REFERENCE.exec(reference);
    if (!match?.[1]) issues.push(issue('invalid', `'${reference}' is not Patient/<id> or Person/<id> with a person id held by this service`, 'Flag.subject.reference'));
    else personId = match[1].toLowerCase();
  }

  const service = flag.author?.display?.trim();
  if (!service) issues.push(issue('required', 'author.display names the service partners should contact', 'Flag.author.display'));

  const detail = flag.code.text?.trim();
  if (issues.length > 0 || !category || !severity || !personId || !service) return { ok: false, outcome: operationOutcome(issues) };
  return {
    ok: true,
    flag,
    concern: {
      personId, subjectRole, category, severity, contact: { service },
      ...(detail ? { detail } : {}),
      occurredAt: flag.period?.start ? startOf(flag.period.start) : now.toISOString(),
    },
  };
}

/** The Flag as created: echoed with the concern reference as its id. */
export function createdFlag(flag: FhirFlag, concernRef: string, at: Date): FhirFlag {
  return { ...flag, id: concernRef, meta: { ...flag.meta, lastUpdated: at.toISOString() } };
}
