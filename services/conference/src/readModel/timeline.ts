import type { TimelineEntry } from '@convene/shared/contracts';

// An entry's shape, and the facts it keeps, are the contracts' (views/timeline.ts): the timeline the case view
// answers with is documented and typed from the same schemas.
export type { BreachedOrderKind, EntryKind, Facts, Referral, TimelineEntry } from '@convene/shared/contracts';

/** Timestamps may carry different offsets, so order by instant, then by id so ties are stable. */
export function compareEntries(a: Pick<TimelineEntry, 'occurredAt' | 'eventId'>, b: Pick<TimelineEntry, 'occurredAt' | 'eventId'>): number {
  const byTime = Date.parse(a.occurredAt) - Date.parse(b.occurredAt);
  return byTime !== 0 ? byTime : byId(a, b);
}

/**
 * A timeline with new entries put in their places: the same order as inserting each in turn. Each instant is
 * parsed once (parsing dates was most of the cost of comparing entries).
 */
export function mergeEntries(timeline: TimelineEntry[], added: readonly TimelineEntry[]): TimelineEntry[] {
  if (added.length === 0) return timeline;
  const keyed = added.map((entry) => ({ entry, at: Date.parse(entry.occurredAt) }));
  keyed.sort((a, b) => a.at - b.at || byId(a.entry, b.entry));
  const merged: TimelineEntry[] = [];
  let i = 0;
  let existingAt = timeline.length > 0 ? Date.parse(timeline[0]!.occurredAt) : 0;
  for (const { entry, at } of keyed) {
    while (i < timeline.length && (existingAt - at || byId(timeline[i]!, entry)) < 0) {
      merged.push(timeline[i]!);
      i++;
      if (i < timeline.length) existingAt = Date.parse(timeline[i]!.occurredAt);
    }
    merged.push(entry);
  }
  for (; i < timeline.length; i++) merged.push(timeline[i]!);
  return merged;
}

function byId(a: Pick<TimelineEntry, 'eventId'>, b: Pick<TimelineEntry, 'eventId'>): number {
  return a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0;
}
