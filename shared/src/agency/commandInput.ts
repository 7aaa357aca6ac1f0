import { z } from 'zod';
import { AudienceEntry, BreachCommand, Sharing, type Behaviour, type DataOf, type EventDraft, type EventType, type Subject, type SubjectRef } from '../contracts/index.js';
import type { People } from '../partnership/people.js';
import type { Recorder } from '../eventlog/index.js';

// The command shapes live in the contracts (contracts/commands.ts), where the web UI types its requests with them.
export { commandBase, sharingRule, sharingRuleDocumented, BreachCommand as BreachInput } from '../contracts/index.js';

/** The response to every recorded command (a contract: the web UI reads it too). */
export { RecordedView } from '../contracts/index.js';

export function recordedView(ref: string, recorded: { event: { id: string }; caseRef: string | undefined; published: boolean }) {
  return { ref, eventId: recorded.event.id, ...(recorded.caseRef ? { caseRef: recorded.caseRef } : {}), published: recorded.published };
}

/** Readable, unique enough record references: PREFIX-YYYYMMDD-XXXXXX. */
export function newRecordRef(prefix: string, at = new Date()): string {
  const day = at.toISOString().slice(0, 10).replace(/-/g, '');
  return `${prefix}-${day}-${Math.random().toString(36).slice(2, 8).toUpperCase().padEnd(6, '0')}`;
}

interface CommandFields {
  subjects: SubjectRef[];
  occurredAt: string;
  sharing: z.infer<typeof Sharing>;
  audience?: z.infer<typeof AudienceEntry>[] | undefined;
}

/**
 * The common shape of a command that creates a record: give the new record a reference, let the domain decide
 * the events that create it (`decide`, pure), resolve its subjects to link tokens, record them with the sharing
 * asked for, and answer with the record's reference and first event.
 */
export async function recordNew<T extends EventType>(
  kit: { recorder: Recorder; people: People },
  refPrefix: string,
  body: CommandFields,
  decide: (ref: string) => EventDraft<T>[],
) {
  const ref = newRecordRef(refPrefix);
  const [first, ...more] = decide(ref);
  if (!first) throw new Error(`the decision for ${ref} created no event`);
  const subjects = await kit.people.subjectsOf(body.subjects);
  const envelope = { occurredAt: body.occurredAt, sharing: body.sharing, ...(body.audience ? { audience: body.audience } : {}), subjects };
  const recorded = await kit.recorder.record({ ...first, ...envelope });
  for (const next of more) await kit.recorder.record({ ...next, ...envelope });
  return recordedView(ref, recorded);
}

/**
 * Record a breach of an order (or bail) the agency holds: about the order's own subjects, shared with the
 * partnership like every breach, answered with the order's reference.
 */
export async function recordBreach<T extends EventType>(
  recorder: Recorder,
  type: T,
  order: { _id: string; subjects: Subject[] },
  body: z.infer<typeof BreachCommand>,
  data: (conduct: { breachedAt: string; behaviours: Behaviour[] }) => DataOf<T>,
) {
  const recorded = await recorder.record({
    type, occurredAt: body.occurredAt, sharing: 'partnership', subjects: order.subjects,
    data: data({ breachedAt: body.occurredAt, behaviours: body.behaviours }),
  });
  return recordedView(order._id, recorded);
}

/**
 * The event's own fields of a command body (everything but who, when and with whom): for request schemas
 * derived from an event's data (`Event.shape.data.omit({ ref: true }).extend(commandBase)`), this is the data
 * the event records, less the reference the service gives it.
 */
export function eventFieldsOf<B extends CommandFields>(body: B): Omit<B, keyof CommandFields> {
  const { subjects: _subjects, occurredAt: _occurredAt, sharing: _sharing, audience: _audience, ...fields } = body;
  return fields;
}
