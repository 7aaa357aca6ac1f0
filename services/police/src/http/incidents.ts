import { z } from 'zod';
import { defineRoute, type RouteSpec } from '@convene/shared/http';
import { eventFieldsOf, RecordedView, recordedView, recordNew } from '@convene/shared/agency';
import { IncidentCommand, Behaviour, RecordRef, ReclassifyCommand } from '@convene/shared/contracts';
import { decideIncident, incidentState } from '../domain/incident.js';
import type { PoliceDeps } from './deps.js';


const IncidentView = z.object({
  incidentRef: z.string(), offenceClass: z.string(), occurredAt: z.string(), behaviours: z.array(Behaviour), summary: z.string(), eventIds: z.array(z.string()),
});

const IncidentParams = z.object({ incidentRef: RecordRef });

export function incidentRoutes({ kit, records }: PoliceDeps): RouteSpec[] {
  return [
    defineRoute({
      method: 'post', path: '/incidents', operationId: 'recordIncident', tag: 'incidents', permission: 'incidents.write',
      summary: 'Record an incident with its behaviours and offence class', body: IncidentCommand, errors: [404],
      success: { status: 201, description: 'Recorded; published if a subject is on an open listing', schema: RecordedView },
      handler: async ({ body }) => {
        return recordNew(kit, 'INC', body, (ref) => decideIncident({ kind: 'record', incidentRef: ref, incident: eventFieldsOf(body) }, undefined));
      },
    }),
    defineRoute({
      method: 'get', path: '/incidents/:incidentRef', operationId: 'getIncident', tag: 'incidents', permission: 'incidents.read',
      summary: 'One incident as it stands (current offence class)', params: IncidentParams, errors: [404],
      success: { status: 200, description: 'The incident', schema: IncidentView },
      handler: async ({ params }) => {
        const record = await records.get(params.incidentRef, 'incident');
        const detail = record.detail as { behaviours: string[]; summary: string };
        return { incidentRef: record._id, offenceClass: record.offenceClass, occurredAt: record.occurredAt.toISOString(), behaviours: detail.behaviours, summary: detail.summary, eventIds: record.eventIds };
      },
    }),
    defineRoute({
      method: 'post', path: '/incidents/:incidentRef/classification', operationId: 'changeClassification', tag: 'incidents', permission: 'incidents.write',
      summary: 'Reclassify an incident (e.g. harassment to s2A stalking)', params: IncidentParams, errors: [404, 409],
      body: ReclassifyCommand,
      success: { status: 201, description: 'Reclassified', schema: RecordedView },
      handler: async ({ params, body }) => {
        const incident = await records.get(params.incidentRef, 'incident');
        const [changed] = decideIncident({ kind: 'reclassify', ...body }, incidentState(incident));
        const recorded = await kit.recorder.record({ ...changed!, occurredAt: new Date(), sharing: 'partnership', subjects: incident.subjects });
        return recordedView(incident._id, recorded);
      },
    }),
  ];
}
