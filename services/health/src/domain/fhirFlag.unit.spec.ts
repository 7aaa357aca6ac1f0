import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CONCERN_CATEGORY_SYSTEM, CONCERN_SEVERITY_EXTENSION, FhirFlagRequest, NHS_NUMBER_SYSTEM, SUBJECT_ROLE_EXTENSION, concernFromFlag, createdFlag, type FhirFlag } from './fhirFlag.js';

const personId = '3f0c2a4e-9b1d-4c47-8e2a-1d2b3c4d5e6f';
const now = new Date('2026-11-10T12:00:00Z');

function flag(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    resourceType: 'Flag',
    status: 'active',
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/flag-category', code: 'safety' }] }],
    code: { coding: [{ system: CONCERN_CATEGORY_SYSTEM, code: 'perpetrator_fixation', display: 'Perpetrator fixation' }], text: 'Patient describes ex-partner waiting outside the clinic' },
    subject: { reference: `Patient/${personId}` },
    extension: [{ url: CONCERN_SEVERITY_EXTENSION, valueCode: 'high' }],
    author: { display: 'Leeds ED safeguarding team' },
    period: { start: '2026-11-09T08:30:00Z' },
    ...overrides,
  };
}

const expressions = (input: unknown) => {
  const mapped = concernFromFlag(input, now);
  if (mapped.ok) throw new Error('expected the Flag to be refused');
  expect(mapped.outcome.resourceType).toBe('OperationOutcome');
  return mapped.outcome.issue.map((i) => ({ code: i.code, at: i.expression?.[0] }));
};

describe('reading a FHIR R4 Flag as a health concern', () => {
  it('maps code, severity extension, subject, author and period to the concern', () => {
    const mapped = concernFromFlag(flag(), now);
    expect(mapped).toMatchObject({
      ok: true,
      concern: {
        subject: { kind: 'person', personId }, subjectRole: 'victim', category: 'perpetrator_fixation', severity: 'high', contact: { service: 'Leeds ED safeguarding team' },
        detail: 'Patient describes ex-partner waiting outside the clinic', occurredAt: '2026-11-09T08:30:00Z',
      },
    });
  });

  it('takes Person/ references, a subject-role extension, a date-only start, and defaults the time to now', () => {
    const asSuspect = concernFromFlag(flag({
      subject: { reference: `Person/${personId.toUpperCase()}` },
      extension: [{ url: SUBJECT_ROLE_EXTENSION, valueCode: 'suspect' }, { url: CONCERN_SEVERITY_EXTENSION, valueCode: 'low' }],
      period: { start: '2026-11-01' },
    }), now);
    expect(asSuspect).toMatchObject({ ok: true, concern: { subject: { kind: 'person', personId }, subjectRole: 'suspect', severity: 'low', occurredAt: '2026-11-01T00:00:00Z' } });
    const { period: _period, ...withoutPeriod } = flag();
    expect(concernFromFlag(withoutPeriod, now)).toMatchObject({ ok: true, concern: { occurredAt: now.toISOString() } });
  });

  it('finds the category coding by its system, whatever else code carries', () => {
    const mapped = concernFromFlag(flag({ code: { coding: [{ system: 'http://snomed.info/sct', code: '225337009' }, { system: CONCERN_CATEGORY_SYSTEM, code: 'self_harm_risk' }] } }), now);
    expect(mapped).toMatchObject({ ok: true, concern: { category: 'self_harm_risk' } });
    expect(mapped.ok && 'detail' in mapped.concern).toBe(false);
  });

  it('refuses a missing code, subject or status as required, naming the path', () => {
    const { code: _c, subject: _s, status: _st, ...bare } = flag();
    expect(expressions(bare)).toEqual(expect.arrayContaining([
      { code: 'required', at: 'Flag.code' }, { code: 'required', at: 'Flag.subject' }, { code: 'required', at: 'Flag.status' },
    ]));
  });

  it('refuses another resource type, an unknown status and an unknown element', () => {
    expect(expressions(flag({ resourceType: 'Observation' }))).toContainEqual({ code: 'invalid', at: 'Flag.resourceType' });
    expect(expressions(flag({ status: 'open' }))).toContainEqual({ code: 'invalid', at: 'Flag.status' });
    expect(expressions(flag({ note: 'not a Flag element' }))).toContainEqual({ code: 'structure', at: 'Flag.note' });
    expect(expressions(flag({ code: 'injury' }))).toContainEqual({ code: 'structure', at: 'Flag.code' });
    expect(expressions('not json object')).toEqual([{ code: 'structure', at: 'Flag' }]);
    expect(expressions(flag({ modifierExtension: [{ url: 'https://example.org/x', valueCode: 'y' }] }))).toContainEqual({ code: 'invalid', at: 'Flag.modifierExtension' });
  });

  it('refuses a valid Flag this service cannot map, each problem at its element', () => {
    expect(expressions(flag({ status: 'inactive' }))).toEqual([{ code: 'invalid', at: 'Flag.status' }]);
    expect(expressions(flag({ code: { coding: [{ system: CONCERN_CATEGORY_SYSTEM, code: 'sadness' }] } }))).toEqual([{ code: 'invalid', at: 'Flag.code.coding[0].code' }]);
    expect(expressions(flag({ code: { text: 'free text only' } }))).toEqual([{ code: 'required', at: 'Flag.code.coding' }]);
    expect(expressions(flag({ extension: [] }))).toEqual([{ code: 'required', at: 'Flag.extension' }]);
    expect(expressions(flag({ extension: [{ url: CONCERN_SEVERITY_EXTENSION, valueCode: 'extreme' }] }))).toEqual([{ code: 'invalid', at: 'Flag.extension[0].valueCode' }]);
    expect(expressions(flag({ subject: { reference: 'Group/12' } }))).toEqual([{ code: 'invalid', at: 'Flag.subject.reference' }]);
    expect(expressions(flag({ subject: { display: 'Jane' } }))).toEqual([{ code: 'required', at: 'Flag.subject' }]);
    expect(expressions(flag({ author: undefined }))).toEqual([{ code: 'required', at: 'Flag.author.display' }]);
    expect(expressions(flag({ period: { start: '2026-11-09T08:30:00' } }))).toEqual([{ code: 'invalid', at: 'Flag.period.start' }]);
  });

  it('takes the subject as hospital systems send it: an NHS number, or a contained Patient', () => {
    const byNhs = concernFromFlag(flag({ subject: { identifier: { system: NHS_NUMBER_SYSTEM, value: '943 476 5919' } } }), now);
    expect(byNhs).toMatchObject({ ok: true, concern: { subject: { kind: 'nhs', nhsNumber: '9434765919' } } });
    const patient = {
      resourceType: 'Patient', id: 'pat1', identifier: [{ system: 'https://example.nhs.uk/mrn', value: 'RX1-99' }],
      name: [{ use: 'usual', given: ['Jo'], family: 'Smith' }, { use: 'official', given: ['Joanne', 'Mary'], family: 'Smith' }], birthDate: '1990-07-02',
    };
    const contained = concernFromFlag(flag({ contained: [patient], subject: { reference: '#pat1' } }), now);
    expect(contained).toMatchObject({ ok: true, concern: { subject: { kind: 'patient', given: 'Joanne Mary', family: 'Smith', dateOfBirth: '1990-07-02' } } });
    const withNhs = concernFromFlag(flag({ contained: [{ resourceType: 'Patient', id: 'p', identifier: [{ system: NHS_NUMBER_SYSTEM, value: '9434765919' }] }], subject: { reference: '#p' } }), now);
    expect(withNhs).toMatchObject({ ok: true, concern: { subject: { kind: 'patient', nhsNumber: '9434765919' } } });
  });

  it('refuses a wrong NHS number, a missing contained Patient and one that cannot be identified', () => {
    expect(expressions(flag({ subject: { identifier: { system: NHS_NUMBER_SYSTEM, value: '9434765910' } } }))).toEqual([{ code: 'invalid', at: 'Flag.subject.identifier.value' }]);
    expect(expressions(flag({ subject: { reference: '#nobody' } }))).toEqual([{ code: 'not-found', at: 'Flag.subject.reference' }]);
    const nameless = { resourceType: 'Patient', id: 'p', birthDate: '1990-07-02' };
    expect(expressions(flag({ contained: [nameless], subject: { reference: '#p' } }))).toEqual([{ code: 'required', at: 'Flag.contained[0]' }]);
    const badNhs = { resourceType: 'Patient', id: 'p', identifier: [{ system: NHS_NUMBER_SYSTEM, value: '123' }], name: [{ given: ['A'], family: 'B' }], birthDate: '1990-07-02' };
    expect(expressions(flag({ contained: [badNhs], subject: { reference: '#p' } }))).toEqual([{ code: 'invalid', at: 'Flag.contained[0].identifier[0].value' }]);
  });

  it('reports every problem at once', () => {
    expect(expressions(flag({ status: 'inactive', extension: [], author: undefined }))).toHaveLength(3);
  });

  it('echoes the created Flag with the concern reference as its id', () => {
    const mapped = concernFromFlag(flag({ id: 'client-id' }), now);
    if (!mapped.ok) throw new Error('expected a valid Flag');
    const created: FhirFlag = createdFlag(mapped.flag, 'CON-20261110-ABC123', now);
    expect(created).toMatchObject({ resourceType: 'Flag', id: 'CON-20261110-ABC123', meta: { lastUpdated: now.toISOString() }, code: mapped.flag.code });
  });
});

// The document states what concernFromFlag requires (FLAG_RULES): the two must agree on what a client may send.
describe('the Flag as documented', () => {
  const parserRequire = createRequire(createRequire(import.meta.url).resolve('@readme/openapi-parser'));
  const Ajv2020 = (parserRequire('ajv/dist/2020') as { default: new (options: object) => { compile(schema: unknown): (value: unknown) => boolean } }).default;
  const allows = new Ajv2020({ strict: false, validateFormats: false }).compile(z.toJSONSchema(FhirFlagRequest, { io: 'input', unrepresentable: 'any' }));

  it('allows what is mapped to a concern and refuses what is not', () => {
    const nhs = (value: string) => ({ subject: { identifier: { system: NHS_NUMBER_SYSTEM, value } } });
    const cases: [string, Record<string, unknown>][] = [
      ['as given', flag()],
      ['about a suspect, by NHS number', flag({ ...nhs('943 476 5919'), extension: [{ url: SUBJECT_ROLE_EXTENSION, valueCode: 'suspect' }, { url: CONCERN_SEVERITY_EXTENSION, valueCode: 'low' }] })],
      ['inactive', flag({ status: 'inactive' })],
      ['no category coding', flag({ code: { coding: [{ system: 'http://snomed.info/sct', code: '225337009' }] } })],
      ['an unknown category', flag({ code: { coding: [{ system: CONCERN_CATEGORY_SYSTEM, code: 'gossip' }] } })],
      ['no severity', flag({ extension: [] })],
      ['an unknown severity', flag({ extension: [{ url: CONCERN_SEVERITY_EXTENSION, valueCode: 'severe' }] })],
      ['an unknown subject role', flag({ extension: [{ url: CONCERN_SEVERITY_EXTENSION, valueCode: 'low' }, { url: SUBJECT_ROLE_EXTENSION, valueCode: 'witness' }] })],
      ['a subject by name only', flag({ subject: { display: 'Jo Bloggs' } })],
      ['a subject reference to something else', flag({ subject: { reference: 'Practitioner/123' } })],
      ['an NHS number of the wrong shape', flag(nhs('94347659'))],
      ['no author', flag({ author: undefined })],
      ['a blank author', flag({ author: { display: '  ' } })],
    ];
    for (const [what, input] of cases) expect([what, allows(input)]).toEqual([what, concernFromFlag(input, now).ok]);
    const [example] = (FhirFlagRequest.meta()?.examples ?? []) as unknown[];
    expect([allows(example), concernFromFlag(example, now).ok]).toEqual([true, true]);
    // Accepted but not stated: a contained Patient (JSON Schema cannot match #<id> to its id). Refused but
    // allowed: an NHS number with a wrong check digit (no pattern can compute it).
    const contained = flag({ contained: [{ resourceType: 'Patient', id: 'p1', name: [{ family: 'Bloggs', given: ['Jo'] }], birthDate: '1985-03-14' }], subject: { reference: '#p1' } });
    expect([allows(contained), concernFromFlag(contained, now).ok]).toEqual([false, true]);
    expect([allows(flag(nhs('9434765918'))), concernFromFlag(flag(nhs('9434765918')), now).ok]).toEqual([true, false]);
  });
});
