import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { DataOf, EventType, StatisticsRelease } from '../contracts/index.js';
import type { EventStore, Recorder } from '../eventlog/index.js';
import { deterministicUuid } from '../agency/deterministicId.js';

export type StatisticsEventType = Extract<EventType, `${string}.statistics.published.v1`>;
export type StatisticsPublisher = StatisticsEventType extends `${infer A}.statistics.published.v1` ? A : never;

/** What one statistics event carries: one month's suppressed cells, and those of the periods ending with it. */
export type StatisticsSnapshot = z.infer<typeof StatisticsRelease>;

/** A short hash of the figures: the same figures always have the same revision. */
export function revisionOf(snapshot: StatisticsSnapshot): string {
  const canonical = JSON.stringify({
    month: snapshot.month,
    threshold: snapshot.suppressionThreshold,
    cells: snapshot.cells.map((c) => [c.measure, c.breakdown ?? null, c.value, c.suppressed]),
    // Absent from releases made before periods were published, so their revisions are unchanged.
    ...(snapshot.periods ? { periods: snapshot.periods.map((p) => [p.period, p.from, p.to, p.cells.map((c) => [c.measure, c.breakdown ?? null, c.value, c.suppressed])]) } : {}),
  });
  return createHash('sha256').update(canonical).digest('hex').slice(0, 16);
}

export interface PublishedRevision {
  eventId: string;
  revision: string;
  publishedAt: string;
}

/** The last statistics event this service recorded for the month, from its own event log. */
export async function latestPublished(store: EventStore, type: StatisticsEventType, month: string): Promise<PublishedRevision | undefined> {
  const event = await store.latest(type, { month });
  if (!event) return undefined;
  const data = event.data as StatisticsSnapshot;
  return { eventId: event.id, revision: revisionOf(data), publishedAt: event.time };
}

/** Every release this service has published, every revision, oldest first, from its own event log. */
export async function publishedReleases(store: EventStore, type: StatisticsEventType): Promise<StatisticsSnapshot[]> {
  return (await store.ofTypes([type], new Date(0), new Date(8.64e15))).map((e) => e.data as StatisticsSnapshot);
}

export interface PublishOutcome extends PublishedRevision {
  /** `unchanged`: the latest published figures are these already, so nothing was published. */
  status: 'published' | 'unchanged';
}

/**
 * Publish a month's figures, at most once per revision. The event id is derived from the month, the
 * revision and the revision it replaces, so two instances publishing the same figures record one event
 * (the second insert is a no-op), and figures that change after late records are a new event, which the
 * conference keeps as the latest for that month.
 */
export async function publishSnapshot(deps: {
  agency: StatisticsPublisher;
  store: EventStore;
  recorder: Pick<Recorder, 'record'>;
  snapshot: StatisticsSnapshot;
  now: Date;
}): Promise<PublishOutcome> {
  const type = `${deps.agency}.statistics.published.v1` as StatisticsEventType;
  const revision = revisionOf(deps.snapshot);
  const latest = await latestPublished(deps.store, type, deps.snapshot.month);
  if (latest?.revision === revision) return { ...latest, status: 'unchanged' };
  const id = deterministicUuid(deps.agency, 'statistics', deps.snapshot.month, revision, latest?.eventId ?? 'first');
  const recorded = await deps.recorder.record({
    type, occurredAt: deps.now, sharing: 'partnership', subjects: [], alwaysPublish: true, attachOpenCase: false, id,
    data: {
      month: deps.snapshot.month, suppressionThreshold: deps.snapshot.suppressionThreshold, cells: deps.snapshot.cells,
      ...(deps.snapshot.periods ? { periods: deps.snapshot.periods } : {}),
    } as DataOf<StatisticsEventType>,
  });
  return { eventId: recorded.event.id, revision, publishedAt: recorded.event.time, status: 'published' };
}
