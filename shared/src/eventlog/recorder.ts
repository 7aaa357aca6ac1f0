import {
  createEvent, createRecordEvent, type AudienceEntry, type CaseEvent, type CaseRef, type DataOf, type EventType, type Sharing, type Subject,
} from '../contracts/index.js';
import type { WithholdPolicy } from '../partnership/research.js';
import type { EventStore } from './eventStore.js';
import type { Listings } from '../partnership/listings.js';
import type { OutboxRelay } from './relay.js';
import { channel } from 'node:diagnostics_channel';
import { createWriteBehind } from './writeBehind.js';

/**
 * Told of each command's event once its one insert is done, before anything else happens to it: a
 * diagnostics channel, so instrumentation (and the crash tests, which kill the process right there) can
 * watch without the recorder knowing. Costs nothing while nobody subscribes.
 */
export const RECORDED_CHANNEL = 'convene.recorder.recorded';
const recorded = channel(RECORDED_CHANNEL);

export interface RecordCommand<T extends EventType> {
  type: T;
  data: DataOf<T>;
  occurredAt: Date | string;
  subjects: Subject[];
  sharing: Sharing;
  audience?: AudienceEntry[];
  /** Partnership business (referrals, actions, decisions) is published whether or not a case is listed. */
  alwaysPublish?: boolean;
  subject?: CaseRef;
  /** A deterministic id makes recording the same command twice (a redelivered trigger) a no-op. */
  id?: string;
  /** When recorded; defaults to now. An event derived wholly from another takes that one's, so a replay derives the same. */
  time?: Date | string;
  /** False for referrals: the conference decides which case a referral opens or joins, not a listing here. */
  attachOpenCase?: boolean;
}

export interface Recorded<T extends EventType> {
  event: Extract<CaseEvent, { type: T }>;
  published: boolean;
  caseRef: string | undefined;
}

export interface RecorderDeps {
  store: EventStore;
  /** Without listings (the conference), only partnership business and events naming a case are published. */
  listings?: Listings;
  relay: Pick<OutboxRelay, 'nudge' | 'publishNow'>;
  /** Applies an event to the agency's read model. Idempotent: it may run again after a crash. */
  project: (event: CaseEvent) => Promise<void>;
  /** The agency's reason not to share a record it would otherwise stream (e.g. consent withdrawn). */
  withhold?: WithholdPolicy;
}

/**
 * Event-first write: decide whether the record may leave the agency (it concerns someone on an open listing,
 * or it is partnership business), record it with one insert (its outbox entry), then, behind it and shared with
 * the commands recorded meanwhile, the event log, then Kafka and the read model side by side (writeBehind.ts).
 */
export function createRecorder(deps: RecorderDeps) {
  const behind = createWriteBehind({ store: deps.store, project: deps.project, relay: deps.relay });

  async function record<T extends EventType>(command: RecordCommand<T>): Promise<Recorded<T>> {
    // Even partnership business carries the open case it concerns, so the conference files it there.
    const listing = command.subject || command.attachOpenCase === false ? undefined : await deps.listings?.openFor(command.subjects);
    const caseRef = command.subject ?? listing?._id;
    const fields = {
      data: command.data,
      occurredAt: command.occurredAt,
      sharing: command.sharing,
      subjects: command.subjects,
      ...(command.audience ? { audience: command.audience } : {}),
      ...(caseRef ? { subject: caseRef as CaseRef } : {}),
      ...(command.id ? { id: command.id } : {}),
      ...(command.time ? { time: command.time } : {}),
    };
    const shareable = command.sharing !== 'agency';
    const event = shareable ? createEvent(command.type, fields) : createRecordEvent(command.type, fields);
    let publish = shareable && (command.alwaysPublish === true || caseRef !== undefined);
    if (publish && !command.alwaysPublish && deps.withhold && (await deps.withhold(event))) publish = false;
    const queued = await deps.store.enqueue(event, publish);
    if (!queued) return { event: event as Extract<CaseEvent, { type: T }>, published: publish, caseRef };
    if (recorded.hasSubscribers) recorded.publish({ eventId: event.id, type: event.type });
    await behind.settle(queued);
    return { event: event as Extract<CaseEvent, { type: T }>, published: publish, caseRef };
  }

  /**
   * After a crash, or a projection that failed (the database went away mid-request): bring the read model up to
   * date, in write order. With `settledMs`, only events recorded at least that long ago (not requests in flight).
   */
  async function catchUpProjection(options: { settledMs?: number } = {}): Promise<number> {
    let total = 0;
    for (;;) {
      const before = options.settledMs === undefined ? undefined : Date.now() - options.settledMs;
      const pending = await deps.store.unprojected(200, before);
      if (pending.length === 0) return total;
      for (const event of pending) {
        await deps.project(event);
        await deps.store.markProjected(event.id);
      }
      total += pending.length;
    }
  }

  return { record, catchUpProjection };
}

export type Recorder = ReturnType<typeof createRecorder>;
