import { defineRoute, type RouteSpec } from '@convene/shared/http';
import { newRecordRef } from '@convene/shared/agency';
import { DomainError } from '@convene/shared/errors';
import { concernFromFlag, createdFlag, FhirFlag, FhirFlagRequest } from '../domain/fhirFlag.js';
import { FHIR_JSON, issue, operationOutcome, OperationOutcome } from '../domain/operationOutcome.js';
import type { HealthDeps } from './deps.js';
import { resolveFlagSubject } from './flagSubject.js';

function fhirAnswer(status: number, resource: OperationOutcome | FhirFlag) {
  return { status, body: JSON.stringify(resource), contentType: FHIR_JSON };
}

/** A FHIR R4 endpoint for concerns: a Flag in, a concern recorded, the Flag echoed with its id. */
export function fhirRoutes({ kit, records }: HealthDeps): RouteSpec[] {
  return [
    defineRoute({
      method: 'post', path: '/fhir/Flag', operationId: 'createFhirFlag', tag: 'fhir', permission: 'concerns.write',
      summary: 'Flag a concern as an HL7 FHIR R4 Flag (application/fhir+json); problems come back as an OperationOutcome',
      // The Flag schema documents the body in OpenAPI; `catch` stops the shared parser refusing it with
      // problem+json, so that the handler can answer a FHIR client in FHIR (an OperationOutcome).
      // `optional` makes the fallback, undefined, a value of the schema's own type.
      body: FhirFlagRequest.optional().catch(undefined),
      errors: [404, 409, 415],
      // The handler answers these as OperationOutcomes; a body that is not JSON at all is refused before it, as problem+json.
      errorContent: {
        400: { contentType: FHIR_JSON, schema: OperationOutcome, alsoProblem: true },
        404: { contentType: FHIR_JSON, schema: OperationOutcome },
        409: { contentType: FHIR_JSON, schema: OperationOutcome },
        415: { contentType: FHIR_JSON, schema: OperationOutcome },
      },
      success: { status: 201, description: 'The created Flag, with id = the concern reference', schema: FhirFlag, contentType: FHIR_JSON },
      handler: async ({ req }) => {
        if (!req.is(['application/fhir+json', 'application/json'])) {
          return fhirAnswer(415, operationOutcome([issue('not-supported', 'send the Flag as application/fhir+json or application/json')]));
        }
        const mapped = concernFromFlag(req.body as unknown);
        if (!mapped.ok) return fhirAnswer(400, mapped.outcome);
        const { concern, flag } = mapped;
        const resolved = await resolveFlagSubject(kit.people, concern.subject);
        if (!resolved.ok) return fhirAnswer(resolved.status, resolved.outcome);
        let subjects: Awaited<ReturnType<typeof kit.people.subjectsOf>>;
        try {
          subjects = await kit.people.subjectsOf([{ personId: resolved.personId, role: concern.subjectRole }]);
        } catch (err) {
          if (err instanceof DomainError && err.status === 404) {
            return fhirAnswer(404, operationOutcome([issue('not-found', `no person ${resolved.personId} is held by this service`, 'Flag.subject.reference')]));
          }
          throw err;
        }
        const ref = newRecordRef('CON');
        await records.concerns.keepDetail(ref, concern.detail, 'fhir');
        await kit.recorder.record({
          type: 'health.concern.flagged.v1', occurredAt: concern.occurredAt, sharing: 'partnership', subjects,
          data: { concernRef: ref, subjectRole: concern.subjectRole, category: concern.category, severity: concern.severity, contact: concern.contact },
        });
        return fhirAnswer(201, createdFlag(flag, ref, new Date()));
      },
    }),
  ];
}
