import type { CaseView } from '../caseView.js';
import { conductEntries, ids, within, type ConductEntry } from './conduct.js';
import { signalCatalogue } from './catalogue.js';
import type { BehaviourCounts, Signal, Window } from './types.js';

const windows: readonly Window[] = [7, 30, 90];

function count(entries: readonly ConductEntry[], window: Window): BehaviourCounts {
  const counts: BehaviourCounts = { window, byBehaviour: {}, byAgency: {} };
  for (const e of entries) {
    counts.byAgency[e.agency] = (counts.byAgency[e.agency] ?? 0) + 1;
    for (const b of e.behaviours) counts.byBehaviour[b] = (counts.byBehaviour[b] ?? 0) + 1;
  }
  return counts;
}

/** Behaviours by type and by agency over 7, 30 and 90 days; absent when nothing happened in 90 days. */
export function behaviourCounts(view: CaseView, now: Date): Signal[] {
  const all = conductEntries(view, now);
  const last90 = within(all, now, 90);
  if (last90.length === 0) return [];
  const counts = windows.map((w) => count(within(all, now, w), w));
  const in30 = counts[1]!;
  const n30 = Object.values(in30.byAgency).reduce((a, b) => a + b, 0);
  return [{
    id: 'behaviour_counts',
    kind: 'behaviour_counts',
    severity: 'info',
    title: signalCatalogue.behaviour_counts.title,
    explanation: `${last90.length} behaviour record(s) in the last 90 days, ${n30} in the last 30.`,
    eventIds: ids(last90),
    counts,
  }];
}
