import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { Role } from '@convene/shared/contracts';
import { openApiDocuments } from '../../scripts/lib/openapiDocs.js';
import { allows, endpointsOf, membershipAllows, MEMBERSHIP_RULES, POLICIES, RULES, securityMarkdown, WORKING_WITH } from '../security/policyMatrix.js';
import { MATRIX_ROLES, PRINCIPALS, SERVICES, type ServiceName } from '../security/principals.js';
import { operationsOf, sample } from '../security/sampler.js';

const STALE = 'docs/security.md is stale: run `npm run docs:security`';

let docs: Record<ServiceName, Record<string, unknown>>;
beforeAll(async () => {
  docs = await openApiDocuments();
}, 60_000);

describe('docs/security.md', () => {
  it(`is generated from the policies and the OpenAPI documents (${STALE})`, () => {
    const committed = readFileSync(new URL('../../docs/security.md', import.meta.url), 'utf8');
    expect(committed, STALE).toBe(securityMarkdown(docs));
  });

  it('lists every endpoint of every service with its permission', () => {
    const md = securityMarkdown(docs);
    for (const service of SERVICES) {
      for (const e of endpointsOf(docs[service])) expect(md).toContain(`| ${e.method} | \`${e.path}\` | ${e.permission === 'public' ? 'public' : `\`${e.permission}\``} |`);
    }
  });
});

describe('the policies', () => {
  it('name only roles that exist, and every permission an endpoint needs is in its service\'s table', () => {
    for (const service of SERVICES) {
      for (const roles of Object.values(RULES[service])) for (const r of roles) expect(Role.options).toContain(r);
      for (const e of endpointsOf(docs[service])) if (e.permission !== 'public') expect(Object.keys(RULES[service]), `${service} ${e.method} ${e.path}`).toContain(e.permission);
    }
  });

  it('never let an agency service serve another agency\'s staff, or the conference\'s, beyond the hospital IDVA\'s casework at advocacy', () => {
    expect(WORKING_WITH).toEqual({ police: {}, cps: {}, health: {}, advocacy: { health: ['health_idva'] } });
    for (const permission of ['people.match', 'actions.read', 'actions.update', 'statistics.read', 'statistics.publish']) {
      expect(allows('advocacy', 'health_idva', permission), `health_idva on advocacy ${permission}`).toBe(false);
    }
    for (const service of SERVICES.filter((s) => s !== 'conference')) {
      for (const permission of Object.keys(RULES[service])) {
        for (const role of MATRIX_ROLES) {
          const agency = PRINCIPALS[role].agency;
          const workingWith = agency !== service && (WORKING_WITH[service][agency]?.includes(role) ?? false);
          if (agency !== service && !workingWith) expect(allows(service, role, permission), `${role} on ${service} ${permission}`).toBe(false);
        }
        // The working-with role is served only as the agency it belongs to claims it.
        for (const [agency, roles] of Object.entries(WORKING_WITH[service])) {
          for (const role of roles ?? []) expect(POLICIES[service]({ sub: 'x', role, agency: agency === 'health' ? 'police' : 'health' }, permission)).toBe(false);
        }
        // A role of this agency claimed by a token of another agency is refused too.
        for (const role of RULES[service][permission]!) {
          expect(POLICIES[service]({ sub: 'x', role, agency: 'conference' }, permission), `${role}/conference on ${service} ${permission}`).toBe(false);
        }
      }
    }
  });

  it('keep scrutiny away from every case, meeting and chronology, and decisions with chairs', () => {
    const aboutPeople = Object.keys(RULES.conference).filter((p) => /^(cases|meetings|history)\./.test(p));
    expect(aboutPeople.length).toBeGreaterThan(4);
    for (const permission of aboutPeople) expect(allows('conference', 'scrutiny', permission), permission).toBe(false);
    // Whatever else scrutiny may use is its own (de-identified figures), never an agency service's.
    for (const permission of Object.keys(RULES.conference)) if (allows('conference', 'scrutiny', permission)) expect(permission).toMatch(/^scrutiny\./);
    for (const permission of ['meetings.create', 'meetings.manage', 'cases.list', 'cases.decide']) expect(RULES.conference[permission]).toEqual(['chair']);
    expect(RULES.health['disclosures.read']).toEqual(['caldicott']);
    expect(RULES.health['disclosures.decide']).toEqual(['caldicott']);
  });

  it('let only invited members read a case or meeting (chairs: any case), and only the chair run a meeting', () => {
    const [caseRead, meetingRead, run] = MEMBERSHIP_RULES;
    for (const role of MATRIX_ROLES) {
      expect(membershipAllows(caseRead!, role, false), `${role} uninvited case read`).toBe(role === 'chair');
      expect(membershipAllows(caseRead!, role, true), `${role} invited case read`).toBe(role !== 'scrutiny');
      expect(membershipAllows(meetingRead!, role, false), `${role} uninvited meeting read`).toBe(false);
      expect(membershipAllows(run!, role, true), `${role} runs own meeting`).toBe(role === 'chair');
      expect(membershipAllows(run!, role, false), `${role} runs another's meeting`).toBe(false);
    }
  });
});

// The sampler must produce values the documents' own schemas accept, or the matrix would test 400s only.
const parserRequire = createRequire(createRequire(import.meta.url).resolve('@readme/openapi-parser'));
const Ajv2020 = (parserRequire('ajv/dist/2020') as { default: new (o: object) => { compile(s: unknown): ((v: unknown) => boolean) & { errors?: unknown } } }).default;

describe('the request sampler', () => {
  it('gives every parameter and body of every operation a value its schema accepts', () => {
    const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
    let checked = 0;
    for (const service of SERVICES) {
      for (const op of operationsOf(service, docs[service])) {
        for (const schema of [...op.parameters.map((p) => p.schema), ...(op.body ? [op.body] : [])]) {
          const validate = ajv.compile(schema);
          const value = sample(schema);
          expect(validate(value), `${service} ${op.operationId}: ${JSON.stringify(value).slice(0, 200)} ${JSON.stringify(validate.errors)}`).toBe(true);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(80);
  });
});
