import type { Agency, AudienceEntry, CaseRef, LegalBasis, Sharing, Subject } from './common.js';
import { CaseEvent, legalBasesByAgency, schemaByType, type DataOf, type EventOfType, type EventType } from './events.js';
import { describeIssues } from './parse.js';
import { newEventId } from './eventId.js';

export interface NewEventFields<T extends EventType> {
  data: DataOf<T>;
  occurredAt: Date | string;
  sharing: Sharing;
  audience?: AudienceEntry[];
  subject?: CaseRef;
  subjects?: Subject[];
  legalbasis?: LegalBasis;
  traceparent?: string;
  id?: string;
  time?: Date | string;
}

export class InvalidEventError extends Error {
  readonly retriable = false;
  constructor(readonly type: string, readonly detail: string) {
    super(`cannot build ${type}: ${detail}`);
  }
}

const iso = (d: Date | string) => (typeof d === 'string' ? d : d.toISOString());

export function agencyOf(type: EventType): Agency {
  return type.slice(0, type.indexOf('.')) as Agency;
}

function envelopeOf<T extends EventType>(type: T, fields: NewEventFields<T>) {
  const agency = agencyOf(type);
  return {
    specversion: '1.0',
    id: fields.id ?? newEventId(),
    source: `convene/${agency}`,
    type,
    time: iso(fields.time ?? new Date()),
    ...(fields.subject ? { subject: fields.subject } : {}),
    datacontenttype: 'application/json',
    agency,
    occurredat: iso(fields.occurredAt),
    sharing: fields.sharing,
    ...(fields.audience ? { audience: fields.audience } : {}),
    legalbasis: fields.legalbasis ?? legalBasesByAgency[agency][0],
    subjects: fields.subjects ?? [],
    ...(fields.traceparent ? { traceparent: fields.traceparent } : {}),
    data: fields.data,
  };
}

/** Build a complete, validated envelope that may be published: the one way services make events. */
export function createEvent<T extends EventType>(type: T, fields: NewEventFields<T>): EventOfType<T> {
  const candidate = envelopeOf(type, fields);
  const result = CaseEvent.safeParse(candidate);
  if (!result.success) throw new InvalidEventError(type, describeIssues(result.error));
  return result.data as EventOfType<T>;
}

/**
 * An event the agency keeps for itself or has not yet shared: validated by its type's own schema, so
 * `agency` sharing is allowed here (it is refused on the bus).
 */
export function createRecordEvent<T extends EventType>(type: T, fields: NewEventFields<T>): EventOfType<T> {
  const schema = schemaByType.get(type);
  if (!schema) throw new InvalidEventError(type, 'unknown event type');
  const result = schema.safeParse(envelopeOf(type, fields));
  if (!result.success) throw new InvalidEventError(type, describeIssues(result.error));
  return result.data as EventOfType<T>;
}
