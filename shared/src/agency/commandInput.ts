import { z } from 'zod';
import { AudienceEntry, breachConduct, Sharing, Timestamp, type Behaviour, type DataOf, type EventType, type Subject } from '../contracts/index.js';
import { SubjectRef, type People } from './people.js';
import type { Recorder } from './recorder.js';

/** Fields every agency command shares: who it is about, when it happened, and who may see it. */
export const commandBase = {
  subjects: z.array(SubjectRef).min(1).max(12),
  occurredAt: Timestamp,
  sharing: Sharing.default('partnership'),
  audience: z.array(AudienceEntry).min(1).max(20).optional(),
};

/** A breach of an order held by the agency: when, and the conduct that broke it (the event's own fields). */
export const BreachInput = z.object({ occurredAt: Timestamp, behaviours: breachConduct.behaviours });

/** Restricted records name their audience; others must not. Apply with `.superRefine(sharingRule)`. */
export function sharingRule(value: { sharing: string; audience?: unknown[] | undefined }, ctx: z.RefinementCtx): void {
  if (value.sharing === 'restricted' && !value.audience) {
    ctx.addIssue({ code: 'custom', path: ['audience'], message: 'a restricted record names its audience' });
  }
  if (value.sharing !== 'restricted' && value.audience) {
    ctx.addIssue({ code: 'custom', path: ['audience'], message: 'only restricted records carry an audience' });
  }
}

/** The response to every recorded command: its reference, the event, and whether it was shared now. */
export const RecordedView = z.object({
  ref: z.string(),
  eventId: z.uuid(),
  caseRef: z.string().optional(),
  published: z.boolean(),
});

export function recordedView(ref: string, recorded: { event: { id: string }; caseRef: string | undefined; published: boolean }) {
  return { ref, eventId: recorded.event.id, ...(recorded.caseRef ? { caseRef: recorded.caseRef } : {}), published: recorded.published };
}

/** Readable, unique enough record references: PREFIX-YYYYMMDD-XXXXXX. */
export function newRecordRef(prefix: string, at = new Date()): string {
  const day = at.toISOString().slice(0, 10).replace(/-/g, '');
  return `${prefix}-${day}-${Math.random().toString(36).slice(2, 8).toUpperCase().padEnd(6, '0')}`;
}

interface CommandFields {
  subjects: z.infer<typeof SubjectRef>[];
  occurredAt: string;
  sharing: z.infer<typeof Sharing>;
  audience?: z.infer<typeof AudienceEntry>[] | undefined;
}

/**
 * The common shape of an agency command: give the new record a reference, resolve its subjects to link
 * tokens, record it with the sharing asked for, and answer with the record's reference and event.
 */
export async function recordNew<T extends EventType>(
  kit: { recorder: Recorder; people: People },
  type: T,
  refPrefix: string,
  body: CommandFields,
  data: (ref: string) => DataOf<T>,
) {
  const ref = newRecordRef(refPrefix);
  const recorded = await kit.recorder.record({
    type, occurredAt: body.occurredAt, sharing: body.sharing, ...(body.audience ? { audience: body.audience } : {}),
    subjects: await kit.people.subjectsOf(body.subjects), data: data(ref),
  });
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
  body: z.infer<typeof BreachInput>,
  data: (conduct: { breachedAt: string; behaviours: Behaviour[] }) => DataOf<T>,
) {
  const recorded = await recorder.record({
    type, occurredAt: body.occurredAt, sharing: 'partnership', subjects: order.subjects,
    data: data({ breachedAt: body.occurredAt, behaviours: body.behaviours }),
  });
  return recordedView(order._id, recorded);
}
