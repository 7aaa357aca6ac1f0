import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { normaliseDateOfBirth, normaliseName } from '../link-tokens/index.js';
import { normaliseNhsNumber } from '../link-tokens/nhsNumber.js';
import { normalisePncId } from '../link-tokens/pnc.js';
import { normalisePostcode } from '../link-tokens/postcode.js';
import {
  DiaryEntryCommand, DisclosureDecisionCommand, EngagementCommand, FlagConcernCommand, PersonInput, ReferralCommand, RiskAssessmentCommand,
} from './agencyCommands.js';
import { IncidentCommand, SHARING_RULE, VICTIM_NAMED } from './commands.js';

const jsonOf = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { allOf?: object[]; properties?: Record<string, object> };

// JSON Schema 2020-12 (the documents' dialect) with the OpenAPI parser's own Ajv, as tests/unit/openapi.unit.spec.ts does.
type Validate = (value: unknown) => boolean;
const parserRequire = createRequire(createRequire(import.meta.url).resolve('@readme/openapi-parser'));
const Ajv2020 = (parserRequire('ajv/dist/2020') as { default: new (options: object) => { compile(schema: unknown): Validate } }).default;
const ajv = new Ajv2020({ strict: false, validateFormats: false });
const documented = (schema: z.ZodType): Validate => ajv.compile(jsonOf(schema));
const accepts = (parse: (value: string) => unknown) => (value: string) => {
  try {
    parse(value);
    return true;
  } catch {
    return false;
  }
};
/** The document and the validation agree on each value: both allow it, or both refuse it. */
function agree(schema: z.ZodType, values: unknown[]): void {
  const allows = documented(schema);
  for (const value of values) expect(allows(value), JSON.stringify(value)).toBe(schema.safeParse(value).success);
}
const victim = { personId: '0b6c5a3e-4f1d-4c8e-9d7a-2f1e3c4b5a69', role: 'victim' };
const child = { personId: '1c7d6b4f-5a2e-4d9f-8e6b-3a2f4d5c6b7a', role: 'child' };

// The cross-field rules the validation applies are stated in the OpenAPI documents too (generated from these
// JSON Schemas), so a client generating requests from the documents is not refused for a rule it could not see.
describe('cross-field rules, documented', () => {
  it('states the sharing rule on every command that applies it', () => {
    for (const schema of [IncidentCommand, FlagConcernCommand, DiaryEntryCommand, EngagementCommand]) {
      expect(jsonOf(schema).allOf).toContainEqual(SHARING_RULE);
    }
    const incident = { offenceClass: 'pha_s2', behaviours: ['messages'], summary: 'Texts at night', subjects: [victim], occurredAt: '2026-11-02T09:00:00Z' };
    expect(IncidentCommand.safeParse({ ...incident, sharing: 'restricted' }).success).toBe(false);
    expect(IncidentCommand.safeParse({ ...incident, sharing: 'partnership', audience: [{ agency: 'police' }] }).success).toBe(false);
    expect(IncidentCommand.safeParse({ ...incident, sharing: 'restricted', audience: [{ agency: 'police' }] }).success).toBe(true);
  });

  it('states that referrals and the advocate\'s records name the victim', () => {
    expect(jsonOf(ReferralCommand).allOf).toContainEqual(VICTIM_NAMED);
    expect(jsonOf(DiaryEntryCommand).allOf).toContainEqual(VICTIM_NAMED);
    expect(ReferralCommand.safeParse({ subjects: [child], criterion: 'high_risk', reason: 'Escalating' }).success).toBe(false);
    expect(ReferralCommand.safeParse({ subjects: [victim], criterion: 'high_risk', reason: 'Escalating' }).success).toBe(true);
  });

  it('states that a completed DASH has its answers and a declined one none, and when S-DASH is answered', () => {
    const rules = JSON.stringify(jsonOf(RiskAssessmentCommand).allOf);
    expect(rules).toContain('{"if":{"properties":{"declined":{"const":false}},"required":["declined"]},"then":{"properties":{"answers":true},"required":["answers"]}');
    expect(rules).toContain('"stalking_or_harassment":{"const":"yes"}');
    expect(RiskAssessmentCommand.safeParse({ subjects: [victim], occurredAt: '2026-11-02T09:00:00Z', declined: false }).success).toBe(false);
    expect(RiskAssessmentCommand.safeParse({ subjects: [victim], occurredAt: '2026-11-02T09:00:00Z', declined: true }).success).toBe(true);
  });

  it('states that an engagement is with the victim alone, and when consent names agencies', () => {
    const rules = JSON.stringify(jsonOf(EngagementCommand).allOf);
    expect(rules).toContain('"maxItems":1');
    expect(rules).toContain('"limitedTo"');
  });

  it('states that a concern\'s subjectRole is one of its subjects\' roles', () => {
    const concern = { occurredAt: '2026-11-02T09:00:00Z', category: 'injury', severity: 'high', contact: { service: 'ED safeguarding' }, detail: 'Bruising' };
    agree(FlagConcernCommand, [
      { ...concern, subjects: [victim], subjectRole: 'victim' },
      { ...concern, subjects: [victim, child], subjectRole: 'child' },
      { ...concern, subjects: [victim], subjectRole: 'child' },
      { ...concern, subjects: [child], subjectRole: 'suspect' },
    ]);
    expect(FlagConcernCommand.safeParse({ ...concern, subjects: [victim], subjectRole: 'victim' }).success).toBe(true);
  });

  it('states that a disclosure names its audience and gateway, and a refusal gives neither nor any detail', () => {
    const audience = [{ agency: 'police' }];
    agree(DisclosureDecisionCommand, [
      { decision: 'disclosed', reason: 'Risk to life', audience, legalGateway: 'safeguarding_individual_at_risk' },
      { decision: 'disclosed', reason: 'Risk to life', audience },
      { decision: 'disclosed', reason: 'Risk to life', legalGateway: 'safeguarding_individual_at_risk' },
      { decision: 'refused', reason: 'Not proportionate' },
      { decision: 'refused', reason: 'Not proportionate', audience },
      { decision: 'refused', reason: 'Not proportionate', detail: 'Bruising' },
      { decision: 'refused', reason: 'Not proportionate', legalGateway: 'court_order' },
    ]);
    expect(DisclosureDecisionCommand.safeParse({ decision: 'refused', reason: 'Not proportionate' }).success).toBe(true);
  });
});

// A person's identifiers are checked by the link tokens' parsers, not zod: the document states their forms as
// patterns, and every value a pattern allows must be accepted (check digits and letters aside: see below).
describe('a person\'s identifiers, documented', () => {
  const properties = jsonOf(PersonInput).properties!;
  const allows = (field: string) => ajv.compile(properties[field]);
  const NOW = new Date('2026-12-07T12:00:00Z');
  const dob = accepts((v) => normaliseDateOfBirth(v, NOW));

  it('states the three written forms of a date of birth, each a date that exists, since 1900 and not after 2025', () => {
    const documentedDob = allows('dateOfBirth');
    for (const value of ['1985-03-14', '14/03/1985', '4/3/1985', '14-03-1985', '14.03.1985', '14 Mar 1985', '1 Jan 1900', '31 Dec 2025', '28/02/1999']) {
      expect([value, documentedDob(value), dob(value)]).toEqual([value, true, true]);
    }
    for (const value of ['0', '31/02/1985', '31 Apr 1985', '1899-12-31', '03/14/1985', '14/03-1985', '14/03/85', '2099-01-01', '1985-3-14']) {
      expect([value, documentedDob(value), dob(value)]).toEqual([value, false, false]);
    }
    // Accepted but not stated: 29 February (the pattern cannot tell leap years), other cases and spellings.
    expect([documentedDob('29/02/2024'), dob('29/02/2024'), documentedDob('14th MARCH 1985'), dob('14th MARCH 1985')]).toEqual([false, true, false, true]);
  });

  it('accepts every date of birth, name and postcode the document allows', () => {
    const schema = properties.dateOfBirth as { anyOf: { pattern: string }[] };
    for (const { pattern } of schema.anyOf) fc.assert(fc.property(fc.stringMatching(new RegExp(pattern)), (value) => dob(value)), { numRuns: 2000 });
    for (const [field, parse] of [['given', normaliseName], ['family', normaliseName], ['postcode', normalisePostcode]] as const) {
      const { pattern } = properties[field] as { pattern: string };
      fc.assert(fc.property(fc.stringMatching(new RegExp(pattern)), (value) => accepts(parse)(value)), { numRuns: 2000 });
    }
  });

  it('refuses in the document what the parsers refuse, for names, postcodes, NHS numbers and PNC ids', () => {
    const cases: [string, (v: string) => unknown, string[]][] = [
      ['given', normaliseName, ['0', 'Jo3', '.', 'Smith, Jo']],
      ['postcode', normalisePostcode, ['SW1A 1A', '1SW 1AA', 'SW1A-1AA']],
      ['nhsNumber', normaliseNhsNumber, ['94347659', '943476591X', '943/476/5919']],
      ['pncId', normalisePncId, ['12/', '12345678A', '12/0345678']],
    ];
    for (const [field, parse, refused] of cases) {
      for (const value of refused) expect([field, value, allows(field)(value), accepts(parse)(value)]).toEqual([field, value, false, false]);
    }
    expect([allows('nhsNumber')('943 476 5919'), accepts(normaliseNhsNumber)('943 476 5919')]).toEqual([true, true]);
    expect([allows('postcode')('SW1A 1AA'), allows('given')('Siobhán O’Neill-Smith')]).toEqual([true, true]);
    // Not stated: the check digit and check letter, which no pattern can compute.
    expect([allows('nhsNumber')('9434765918'), accepts(normaliseNhsNumber)('9434765918')]).toEqual([true, false]);
  });
});

