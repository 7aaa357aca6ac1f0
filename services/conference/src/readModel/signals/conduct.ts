import type { Behaviour } from '@convene/shared/contracts';
import type { CaseView, TimelineEntry } from '../caseView.js';
import { compareEntries } from '../timeline.js';
import type { Rung } from './types.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export type ConductEntry = TimelineEntry & { behaviours: Behaviour[] };

/** Incidents, diary entries and breaches that record behaviours and have happened by `now`. */
export function conductEntries(view: CaseView, now: Date): ConductEntry[] {
  return view.timeline.filter((e): e is ConductEntry =>
    (e.behaviours?.length ?? 0) > 0 && Date.parse(e.occurredAt) <= now.getTime());
}

/** Entries in the `days` before `now`, skipping the most recent `offsetDays` (for the window before). */
export function within(entries: readonly ConductEntry[], now: Date, days: number, offsetDays = 0): ConductEntry[] {
  const end = now.getTime() - offsetDays * DAY_MS;
  const start = end - days * DAY_MS;
  return entries.filter((e) => {
    const at = Date.parse(e.occurredAt);
    return at > start && at <= end;
  });
}

export function before(entries: readonly ConductEntry[], now: Date, days: number): ConductEntry[] {
  const cut = now.getTime() - days * DAY_MS;
  return entries.filter((e) => Date.parse(e.occurredAt) <= cut);
}

export const rungs: readonly Rung[] = ['contact', 'loitering', 'approach', 'threats', 'violence'];

/** The severity ladder of DESIGN §6: contact → loitering → approach → threats → violence. */
export const rungOf: Record<Behaviour, Rung> = {
  messages: 'contact',
  calls: 'contact',
  social_media: 'contact',
  contacting_third_parties: 'contact',
  gifts: 'contact',
  identity_misuse: 'contact',
  tracking: 'contact',
  loitering_home: 'loitering',
  loitering_work: 'loitering',
  following: 'loitering',
  approaching: 'approach',
  threats: 'threats',
  property_damage: 'threats',
  violence: 'violence',
};

export function rungIndex(entry: ConductEntry): number {
  return Math.max(...entry.behaviours.map((b) => rungs.indexOf(rungOf[b])));
}

export const ids = (entries: readonly TimelineEntry[]): string[] => entries.map((e) => e.eventId);

/** Event ids of entries gathered from several lists: once each, in timeline order. */
export function idsInOrder(entries: readonly TimelineEntry[]): string[] {
  const unique = new Map(entries.map((e) => [e.eventId, e]));
  return [...unique.values()].sort(compareEntries).map((e) => e.eventId);
}
