import type { TimelineEntry } from '@convene/shared/contracts';

// An entry's shape, and the facts it keeps, are the contracts' (views/timeline.ts): the timeline the case view
// answers with is documented and typed from the same schemas.
export type { BreachedOrderKind, EntryKind, Facts, Referral, TimelineEntry } from '@convene/shared/contracts';

/** Timestamps may carry different offsets, so order by instant, then by id so ties are stable. */
export function compareEntries(a: Pick<TimelineEntry, 'occurredAt' | 'eventId'>, b: Pick<TimelineEntry, 'occurredAt' | 'eventId'>): number {
  const byTime = Date.parse(a.occurredAt) - Date.parse(b.occurredAt);
  if (byTime !== 0) return byTime;
  return a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0;
}

export function insertEntry(timeline: readonly TimelineEntry[], entry: TimelineEntry): TimelineEntry[] {
  const at = lowerBound(timeline.length, (i) => compareEntries(timeline[i]!, entry) < 0);
  return [...timeline.slice(0, at), entry, ...timeline.slice(at)];
}

/** Applied ids are kept sorted so the view is the same whatever order events arrived in. */
export function insertId(ids: readonly string[], id: string): string[] {
  const at = lowerBound(ids.length, (i) => ids[i]! < id);
  return ids[at] === id ? [...ids] : [...ids.slice(0, at), id, ...ids.slice(at)];
}

export function hasId(ids: readonly string[], id: string): boolean {
  return ids[lowerBound(ids.length, (i) => ids[i]! < id)] === id;
}

function lowerBound(length: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
