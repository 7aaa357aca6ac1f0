import { z } from 'zod';
import { ConcernCategory, ConcernSeverity, documentedRules, SubjectRole } from '@convene/shared/contracts';
import { isValidNhsNumber, NHS_NUMBER_PATTERN } from '@convene/shared/link-tokens';
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
 * | subject.identifier (system NHS_NUMBER_SYSTEM)                     | the person held with that NHS number |
 * | subject.reference = #<id> of a contained Patient                  | the person with its NHS number, else |
 * |   (identifier NHS number; name given/family; birthDate)          |   name and birth date (added if new) |
 * | author.display                                                   | contact.service                      |
 * | code.text (optional)                                             | detail: kept locally, never published|
 * | period.start (optional: date or dateTime with zone)              | occurredAt, default now              |
 *
 * Flag.category, identifier, encounter, meta and text are accepted and not mapped.
 */
export const CONCERN_CATEGORY_SYSTEM = 'https://convene.example/fhir/CodeSystem/concern-category';
export const CONCERN_SEVERITY_EXTENSION = 'https://convene.example/fhir/StructureDefinition/concern-severity';
export const SUBJECT_ROLE_EXTENSION = 'https://convene.example/fhir/StructureDefinition/subject-role';
/** The NHS number's identifier system (FHIR UK Core). */
export const NHS_NUMBER_SYSTEM = 'https://fhir.nhs.uk/Id/nhs-number';

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

/** Only system and value are read; the rest of an Identifier (use, type, period, assigner) is let through. */
const Identifier = z.looseObject({ system: FhirString(200).optional(), value: FhirString(64).optional() });

const Reference = z.strictObject({
  reference: FhirString(200).optional(),
  type: FhirString(200).optional(),
  identifier: Identifier.optional(),
  display: FhirString(120).optional(),
});

/** Extensions carry one of many value[x] types; only the ones this service reads are checked further. */
const Extension = z.looseObject({ url: FhirString(200), valueCode: FhirString(64).optional() });

const SUBJECT_REFERENCE = /^(?:Patient|Person)\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
/** The same, for the document (JSON Schema patterns take no flags). */
const SUBJECT_REFERENCE_PATTERN = '^(?:Patient|Person)/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

export const FhirFlag = z.strictObject({
  resourceType: z.literal('Flag'),
  id: z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/).optional(),
  meta: z.looseObject({}).optional(),
  implicitRules: FhirString(200).optional(),
  language: FhirString(20).optional(),
  text: z.strictObject({ status: z.enum(['generated', 'extensions', 'additional', 'empty']), div: FhirString(10_000) }).optional(),
  contained: z.array(z.looseObject({ resourceType: FhirString(64), id: FhirString(64).optional() })).max(5).optional(),
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

/** Items of a list that, where `key` is `value`, carry `field` from `codes` (the first such item is the one read). */
const codedWhere = (key: string, value: string, field: string, codes: readonly string[]) => ({
  type: 'object',
  if: { properties: { [key]: { const: value } }, required: [key] },
  then: { properties: { [field]: { enum: [...codes] } }, required: [field] },
});
const withKey = (key: string, value: string) => ({ type: 'object', properties: { [key]: { const: value } }, required: [key] });

/**
 * What concernFromFlag requires of a Flag beyond its FHIR shape, in JSON Schema for the document. A subject
 * given as #<id> of a contained Patient is accepted too but not stated: JSON Schema cannot match the reference
 * to the contained resource's id. Nor can it state an NHS number's check digit.
 */
export const FLAG_RULES = [
  // Only an active Flag raises a concern.
  { properties: { status: { const: 'active' } } },
  {
    properties: {
      code: {
        type: 'object', properties: { coding: { type: 'array', contains: withKey('system', CONCERN_CATEGORY_SYSTEM), items: codedWhere('system', CONCERN_CATEGORY_SYSTEM, 'code', ConcernCategory.options) } },
        required: ['coding'],
      },
    },
  },
  {
    properties: {
      extension: {
        type: 'array', contains: withKey('url', CONCERN_SEVERITY_EXTENSION),
        items: { allOf: [codedWhere('url', CONCERN_SEVERITY_EXTENSION, 'valueCode', ConcernSeverity.options), codedWhere('url', SUBJECT_ROLE_EXTENSION, 'valueCode', SubjectRole.options)] },
      },
    },
    required: ['extension'],
  },
  {
    properties: {
      subject: {
        description: `Patient/<id> or Person/<id> of a person held here; an identifier of ${NHS_NUMBER_SYSTEM} (with a correct check digit); or #<id> of a contained Patient with an NHS number, or names and a birthDate`,
        anyOf: [
          { type: 'object', properties: { reference: { type: 'string', pattern: SUBJECT_REFERENCE_PATTERN } }, required: ['reference'] },
          {
            type: 'object',
            properties: { reference: false, identifier: { type: 'object', properties: { system: { const: NHS_NUMBER_SYSTEM }, value: { type: 'string', format: 'nhs-number', pattern: NHS_NUMBER_PATTERN } }, required: ['system', 'value'] } },
            required: ['identifier'],
          },
        ],
      },
    },
  },
  // The service partners should contact.
  { properties: { author: { type: 'object', properties: { display: { type: 'string', pattern: '\\S' } }, required: ['display'] } }, required: ['author'] },
];

/** A Flag this service accepts (about a person it holds), as the document's example. */
const EXAMPLE_FLAG: z.input<typeof FhirFlag> = {
  resourceType: 'Flag',
  status: 'active',
  code: { coding: [{ system: CONCERN_CATEGORY_SYSTEM, code: 'threats_disclosed' }], text: 'Disclosed threats by an ex-partner at A&E' },
  subject: { reference: 'Patient/0b6c5a3e-4f1d-4c8e-9d7a-2f1e3c4b5a69' },
  extension: [{ url: CONCERN_SEVERITY_EXTENSION, valueCode: 'high' }],
  author: { display: 'St James ED safeguarding team' },
};

/** The Flag a client sends: its FHIR shape, with what this service requires of it stated for the document. */
export const FhirFlagRequest = FhirFlag.meta({ ...documentedRules(...FLAG_RULES), examples: [EXAMPLE_FLAG] });

/** A contained Patient as hospital systems send one: only these elements are read. */
const ContainedPatient = z.looseObject({
  resourceType: z.literal('Patient'),
  id: FhirString(64),
  identifier: z.array(Identifier).max(10).optional(),
  name: z.array(z.looseObject({ use: FhirString(20).optional(), family: FhirString(80).optional(), given: z.array(FhirString(80)).max(5).optional() })).max(5).optional(),
  birthDate: z.iso.date().optional(),
});

/** Whom a Flag is about: a person held here by id, by NHS number, or as a contained Patient describes them. */
export type FlagSubject =
  | { kind: 'person'; personId: string }
  | { kind: 'nhs'; nhsNumber: string }
  | { kind: 'patient'; nhsNumber?: string; given?: string; family?: string; dateOfBirth?: string };

/** What a valid Flag says, in the health service's own terms. */
export interface ConcernFromFlag {
  subject: FlagSubject;
  subjectRole: SubjectRole;
  category: ConcernCategory;
  severity: z.infer<typeof ConcernSeverity>;
  contact: { service: string };
  detail?: string;
  occurredAt: string;
}

export type FlagMapping = { ok: true; flag: FhirFlag; concern: ConcernFromFlag } | { ok: false; outcome: OperationOutcome };


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

/** An NHS number from an identifier of that system, checked (modulus 11); an issue at `pathOf(index)` if it is not one. */
function nhsNumberOf(identifiers: readonly z.infer<typeof Identifier>[], pathOf: (index: number) => string, issues: OperationOutcomeIssue[]): string | undefined {
  const index = identifiers.findIndex((i) => i.system === NHS_NUMBER_SYSTEM);
  if (index < 0) return undefined;
  const value = identifiers[index]?.value?.replace(/[\s-]/g, '');
  if (!value || !isValidNhsNumber(value)) {
    issues.push(issue('invalid', 'not a valid NHS number (10 digits with a correct check digit)', `${pathOf(index)}.value`));
    return undefined;
  }
  return value;
}

/** Whom the Flag is about, from subject.reference, subject.identifier or the contained Patient it points to. */
function subjectOf(flag: FhirFlag, issues: OperationOutcomeIssue[]): FlagSubject | undefined {
  const { reference, identifier } = flag.subject;
  if (reference?.startsWith('#')) return containedPatientOf(flag, reference.slice(1), issues);
  if (reference !== undefined) {
    const match = SUBJECT_REFERENCE.exec(reference);
    if (match?.[1]) return { kind: 'person', personId: match[1].toLowerCase() };
    issues.push(issue('invalid', `'${reference}' is not Patient/<id> or Person/<id> with a person id held by this service, nor #<id> of a contained Patient`, 'Flag.subject.reference'));
    return undefined;
  }
  if (identifier?.system === NHS_NUMBER_SYSTEM) {
    const nhsNumber = nhsNumberOf([identifier], () => 'Flag.subject.identifier', issues);
    return nhsNumber ? { kind: 'nhs', nhsNumber } : undefined;
  }
  issues.push(issue('required', `subject names the person: reference Patient/<id> or Person/<id>, #<id> of a contained Patient, or an identifier of ${NHS_NUMBER_SYSTEM}`, 'Flag.subject'));
  return undefined;
}

function containedPatientOf(flag: FhirFlag, id: string, issues: OperationOutcomeIssue[]): FlagSubject | undefined {
  const index = (flag.contained ?? []).findIndex((r) => r.id === id);
  const at = `Flag.contained[${index}]`;
  const parsed = ContainedPatient.safeParse(flag.contained?.[index]);
  if (index < 0 || !parsed.success) {
    issues.push(issue(index < 0 ? 'not-found' : 'invalid', index < 0 ? `no contained resource has id '${id}'` : `contained '${id}' is not a Patient with an id, names and a birthDate (YYYY-MM-DD)`, index < 0 ? 'Flag.subject.reference' : at));
    return undefined;
  }
  const patient = parsed.data;
  const nhsNumber = nhsNumberOf(patient.identifier ?? [], (i) => `${at}.identifier[${i}]`, issues);
  const name = patient.name?.find((n) => n.use === 'official') ?? patient.name?.[0];
  const given = name?.given?.join(' ');
  const described = { ...(given ? { given } : {}), ...(name?.family ? { family: name.family } : {}), ...(patient.birthDate ? { dateOfBirth: patient.birthDate } : {}) };
  if (!nhsNumber && (!described.given || !described.family || !described.dateOfBirth)) {
    issues.push(issue('required', 'a contained Patient without an NHS number needs name.given, name.family and birthDate', at));
    return undefined;
  }
  return { kind: 'patient', ...(nhsNumber ? { nhsNumber } : {}), ...described };
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

  const subject = subjectOf(flag, issues);

  const service = flag.author?.display?.trim();
  if (!service) issues.push(issue('required', 'author.display names the service partners should contact', 'Flag.author.display'));

  const detail = flag.code.text?.trim();
  if (issues.length > 0 || !category || !severity || !subject || !service) return { ok: false, outcome: operationOutcome(issues) };
  return {
    ok: true,
    flag,
    concern: {
      subject, subjectRole, category, severity, contact: { service },
      ...(detail ? { detail } : {}),
      occurredAt: flag.period?.start ? startOf(flag.period.start) : now.toISOString(),
    },
  };
}

/** The Flag as created: echoed with the concern reference as its id. */
export function createdFlag(flag: FhirFlag, concernRef: string, at: Date): FhirFlag {
  return { ...flag, id: concernRef, meta: { ...flag.meta, lastUpdated: at.toISOString() } };
}
