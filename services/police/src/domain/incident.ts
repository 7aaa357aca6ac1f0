import type { EventDraft, OffenceClass } from '@convene/shared/contracts';
import { conflict } from '@convene/shared/errors';

/** An incident as the police read model holds it, as far as reclassifying it needs. */
export interface IncidentState {
  incidentRef: string;
  offenceClass: OffenceClass;
}

export interface Reclassify {
  to: OffenceClass;
  reason: string;
}

/**
 * Reclassify an incident (harassment to s2A stalking, say): the change from what it is now, with the reason; the
 * same class again is refused. Pure; the handler loads, decides, and records on the incident's subjects.
 */
export function decideReclassification(command: Reclassify, incident: IncidentState): EventDraft<'police.classification.changed.v1'>[] {
  if (incident.offenceClass === command.to) throw conflict('same_classification', `incident ${incident.incidentRef} is already classed as ${incident.offenceClass}`);
  return [{ type: 'police.classification.changed.v1', data: { crimeRef: incident.incidentRef, from: incident.offenceClass, to: command.to, reason: command.reason } }];
}
