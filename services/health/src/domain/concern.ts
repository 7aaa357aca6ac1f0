import type { ConcernCategory, DataOf, EventDraft } from '@convene/shared/contracts';
import { conflict } from '@convene/shared/errors';

/** A concern as the health service holds it, as far as its decisions need. */
export interface ConcernState {
  concernRef: string;
  status: 'open' | 'resolved' | string;
  category: string;
  severity: string;
  resolution?: string | undefined;
}

export type ConcernCommand =
  | { kind: 'update'; category?: ConcernCategory | undefined; severity?: DataOf<'health.concern.flagged.v1'>['severity'] | undefined }
  | { kind: 'resolve'; resolution: DataOf<'health.concern.resolved.v1'>['resolution'] };

export type ConcernDecision = EventDraft<'health.concern.updated.v1' | 'health.concern.resolved.v1'>;

/**
 * Decide against the concern as it stands: nothing once resolved; an update records only what changes, and
 * an update that changes nothing is refused. Pure; the handler loads, decides, and records on the concern's
 * own subjects and sharing.
 */
export function decideConcern(command: ConcernCommand, concern: ConcernState): ConcernDecision[] {
  if (concern.status === 'resolved') throw conflict('concern_resolved', `concern ${concern.concernRef} is already resolved (${concern.resolution ?? 'resolved'})`);
  if (command.kind === 'resolve') return [{ type: 'health.concern.resolved.v1', data: { concernRef: concern.concernRef, resolution: command.resolution } }];
  const changes = {
    ...(command.category && command.category !== concern.category ? { category: command.category } : {}),
    ...(command.severity && command.severity !== concern.severity ? { severity: command.severity } : {}),
  };
  if (!changes.category && !changes.severity) throw conflict('no_change', `concern ${concern.concernRef} already has that category and severity`);
  return [{ type: 'health.concern.updated.v1', data: { concernRef: concern.concernRef, ...changes } }];
}
