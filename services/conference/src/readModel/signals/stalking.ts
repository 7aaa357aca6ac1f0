import type { OffenceClass } from '@convene/shared/contracts';
import type { CaseView, TimelineEntry } from '../caseView.js';
import { offenceLabel } from '@convene/shared/contracts';
import { signalCatalogue } from './catalogue.js';
import { conductEntries, idsInOrder } from './conduct.js';
import { fourReport } from './four.js';
import type { Signal } from './types.js';

export const stalkingClasses: ReadonlySet<OffenceClass> = new Set(['pha_s2a', 'pha_s4a']);

const happened = (view: CaseView, now: Date) => view.timeline.filter((e) => Date.parse(e.occurredAt) <= now.getTime());

/** Police records that classify the conduct: incidents, reclassifications and arrests, in time order. */
const policeClassifications = (entries: readonly TimelineEntry[]) =>
  entries.filter((e) => e.agency === 'police' && e.offenceClass !== undefined && ['incident', 'classification', 'arrest'].includes(e.kind));

/** A health flag of perpetrator fixation is a record of fixated behaviour too, though it names no behaviour. */
const isFixationFlag = (e: TimelineEntry) => e.facts.on === 'concern' && e.facts.category === 'perpetrator_fixation';

/**
 * Possible stalking recorded as harassment: two or more records of unwanted, repeated behaviour from any agency
 * (contact behaviours count: repeated messages and calls are how most stalking is done) while the latest police
 * classification is not stalking. Records before the latest classification as stalking were answered by it.
 */
export function harassmentMayBeStalking(view: CaseView, now: Date): Signal[] {
  const past = happened(view, now);
  const classed = policeClassifications(past);
  const latest = classed.at(-1);
  if (!latest || stalkingClasses.has(latest.offenceClass!)) return [];
  const lastStalking = classed.filter((e) => stalkingClasses.has(e.offenceClass!)).at(-1);
  const since = lastStalking ? Date.parse(lastStalking.occurredAt) : -Infinity;
  const after = (e: TimelineEntry) => Date.parse(e.occurredAt) > since;
  const conduct = [...conductEntries(view, now), ...past.filter(isFixationFlag)].filter(after);
  if (conduct.length < 2) return [];
  const harassment = classed.filter(after);
  const agencies = new Set(conduct.map((e) => e.agency));
  return [{
    id: 'harassment_may_be_stalking',
    kind: 'harassment_may_be_stalking',
    severity: 'warning',
    title: signalCatalogue.harassment_may_be_stalking.title,
    explanation: `${conduct.length} records of repeated, unwanted behaviour (from ${agencies.size} agenc${agencies.size === 1 ? 'y' : 'ies'}) `
      + `while police record the conduct as ${latest.offenceClass ? offenceLabel[latest.offenceClass] : 'harassment'}, not stalking.`,
    eventIds: idsInOrder([...conduct, ...harassment]),
  }];
}

/**
 * Whether the conduct is stalking, and on which records: classified as stalking by police or CPS, signalled as
 * possible stalking, or all four FOUR indicators met. Empty when it is none of these.
 */
export function stalkingEvidence(view: CaseView, now: Date): string[] {
  const classified = happened(view, now).filter((e) => e.offenceClass !== undefined && stalkingClasses.has(e.offenceClass));
  if (classified.length > 0) return idsInOrder(classified);
  const signalled = harassmentMayBeStalking(view, now)[0];
  if (signalled) return signalled.eventIds;
  const four = fourReport(view, now);
  const all = [four.fixated, four.obsessive, four.unwanted, four.repeated];
  if (all.every((i) => i.met)) return [...new Set(all.flatMap((i) => i.eventIds))];
  return [];
}
