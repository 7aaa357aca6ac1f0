import { z } from 'zod';
import { defineRoute, type RouteSpec } from '@convene/shared/http';
import { newRecordRef, RecordedView, recordedView } from '@convene/shared/agency';
import {
  AudienceEntry, ConcernCategory, ConcernSeverity, ContactPoint, FlagConcernCommand, HealthConcernResolved, RecordRef, ResolveConcernCommand, Sharing, Subject, SubjectRole,
} from '@convene/shared/contracts';
import { decideConcern, type ConcernCommand } from '../domain/concern.js';
import type { Concern } from '../db/concerns.js';
import type { HealthDeps } from './deps.js';

const ConcernUpdateInput = z.object({ category: ConcernCategory.optional(), severity: ConcernSeverity.optional() }).superRefine((v, ctx) => {
  if (!v.category && !v.severity) ctx.addIssue({ code: 'custom', path: ['category'], message: 'give a new category, a new severity, or both' });
}).meta({ anyOf: [{ properties: { category: true }, required: ['category'] }, { properties: { severity: true }, required: ['severity'] }] });

const ConcernView = z.object({
  concernRef: z.string(), subjects: z.array(Subject), subjectRole: SubjectRole, category: ConcernCategory, severity: ConcernSeverity,
  contact: ContactPoint, status: z.enum(['open', 'resolved']), resolution: z.string().optional(), occurredAt: z.string(),
  sharing: Sharing, audience: z.array(AudienceEntry).optional(), source: z.enum(['api', 'fhir']),
  detail: z.string().optional().describe('Clinical detail: never published except through a Caldicott disclosure decision'),
  eventIds: z.array(z.string()),
});

const ConcernParams = z.object({ concernRef: RecordRef });

function concernView(c: Concern): z.infer<typeof ConcernView> {
  return {
    concernRef: c._id, subjects: c.subjects, subjectRole: SubjectRole.parse(c.subjectRole), category: ConcernCategory.parse(c.category),
    severity: ConcernSeverity.parse(c.severity), contact: c.contact, status: c.status, ...(c.resolution ? { resolution: c.resolution } : {}),
    occurredAt: c.occurredAt.toISOString(), sharing: c.sharing, ...(c.audience ? { audience: c.audience } : {}), source: c.source,
    ...(c.detail ? { detail: c.detail } : {}), eventIds: c.eventIds,
  };
}

/** The envelope fields a follow-up event inherits from the concern: who it is about and who may see it. */
function followUp(concern: Concern) {
  return { occurredAt: new Date(), subjects: concern.subjects, sharing: concern.sharing, ...(concern.audience ? { audience: concern.audience } : {}) };
}

export function concernRoutes({ kit, records }: HealthDeps): RouteSpec[] {
  /** Decide against the concern as it stands, and record what is decided on its own subjects and sharing. */
  async function decideAndRecord(concernRef: string, command: ConcernCommand) {
    const concern = await records.concerns.get(concernRef);
    const [decided] = decideConcern(command, { concernRef: concern._id, status: concern.status, category: concern.category, severity: concern.severity, resolution: concern.resolution });
    const recorded = await kit.recorder.record({ ...decided!, ...followUp(concern) });
    return recordedView(concern._id, recorded);
  }

  return [
    defineRoute({
      method: 'post', path: '/concerns', operationId: 'flagConcern', tag: 'concerns', permission: 'concerns.write',
      summary: 'Flag a concern about a victim or perpetrator; only category, severity and contact are shared', body: FlagConcernCommand, errors: [404],
      success: { status: 201, description: 'Flagged; the minimal flag is published if a subject is on an open listing', schema: RecordedView },
      handler: async ({ body }) => {
        const ref = newRecordRef('CON');
        const subjects = await kit.people.subjectsOf(body.subjects);
        await records.concerns.keepDetail(ref, body.detail, 'api');
        const recorded = await kit.recorder.record({
          type: 'health.concern.flagged.v1', occurredAt: body.occurredAt, sharing: body.sharing, ...(body.audience ? { audience: body.audience } : {}),
          subjects, data: { concernRef: ref, subjectRole: body.subjectRole, category: body.category, severity: body.severity, contact: body.contact },
        });
        return recordedView(ref, recorded);
      },
    }),
    defineRoute({
      method: 'get', path: '/concerns/:concernRef', operationId: 'getConcern', tag: 'concerns', permission: 'concerns.read',
      summary: 'One concern as the health service holds it, clinical detail included', params: ConcernParams, errors: [404],
      success: { status: 200, description: 'The concern', schema: ConcernView },
      handler: async ({ params }) => concernView(await records.concerns.get(params.concernRef)),
    }),
    defineRoute({
      method: 'post', path: '/concerns/:concernRef/update', operationId: 'updateConcern', tag: 'concerns', permission: 'concerns.write',
      summary: 'Change an open concern\'s category or severity', params: ConcernParams, body: ConcernUpdateInput, errors: [404, 409],
      success: { status: 201, description: 'Updated', schema: RecordedView },
      handler: async ({ params, body }) => {
        return decideAndRecord(params.concernRef, { kind: 'update', category: body.category, severity: body.severity });
      },
    }),
    defineRoute({
      method: 'post', path: '/concerns/:concernRef/resolve', operationId: 'resolveConcern', tag: 'concerns', permission: 'concerns.write',
      summary: 'Resolve an open concern', params: ConcernParams, errors: [404, 409],
      body: ResolveConcernCommand,
      success: { status: 201, description: 'Resolved', schema: RecordedView },
      handler: async ({ params, body }) => {
        return decideAndRecord(params.concernRef, { kind: 'resolve', resolution: body.resolution });
      },
    }),
  ];
}
