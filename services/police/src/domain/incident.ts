import { OffenceClass, type DataOf, type EventDraft } from '@convene/shared/contracts';
import { conflict, notFound } from '@convene/shared/errors';
import type { PoliceRecord } from '../db/records.js';

/** An incident as the police read model holds it, as far as deciding about it needs. */
export interface IncidentState {
  incidentRef: string;
  offenceClass: OffenceClass;
}

/** What an officer asks of an incident: record it (with the reference it is to have), or reclassify it. */
export type IncidentCommand =
  | { kind: 'record'; incidentRef: string; incident: Omit<DataOf<'police.incident.recorded.v1'>, 'incidentRef'> }
  | { kind: 'reclassify'; to: OffenceClass; reason: string };

export type IncidentDecision = EventDraft<'police.incident.recorded.v1' | 'police.classification.changed.v1'>;

/** The incident a police record holds (its fold in `records.ts` is this aggregate's evolve). */
export function incidentState(record: Pick<PoliceRecord, '_id' | 'offenceClass'>): IncidentState {
  return { incidentRef: record._id, offenceClass: OffenceClass.parse(record.offenceClass) };
}

/**
 * Decide against the incident as it stands: a new incident is recorded once; a recorded one is reclassified
 * (harassment to s2A stalking, say) from what it is now, with the reason, and the same class again is refused.
 * Pure; the handler loads, decides, and records on the incident's subjects.
 */
export function decideIncident(command: IncidentCommand, incident: IncidentState | undefined): IncidentDecision[] {
  switch (command.kind) {
    case 'record':
      if (incident) throw conflict('incident_exists', `incident ${incident.incidentRef} is already recorded`);
      return [{ type: 'police.incident.recorded.v1', data: { incidentRef: command.incidentRef, ...command.incident } }];
    case 'reclassify':
      if (!incident) throw notFound('incident', 'to reclassify');
      if (incident.offenceClass === command.to) throw conflict('same_classification', `incident ${incident.incidentRef} is already classed as ${incident.offenceClass}`);
      return [{ type: 'police.classification.changed.v1', data: { crimeRef: incident.incidentRef, from: incident.offenceClass, to: command.to, reason: command.reason } }];
  }
}
