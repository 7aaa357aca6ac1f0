import type { CaseView } from '../caseView.js';
import { before, conductEntries, ids, rungIndex, rungs, within } from './conduct.js';
import type { Signal } from './types.js';

/** Rising frequency: at least three behaviour records in the last 30 days, and at least twice the 30 before. */
export function risingFrequency(view: CaseView, now: Date): Signal[] {
  const all = conductEntries(view, now);
  const last = within(all, now, 30);
  const previous = within(all, now, 30, 30);
  if (last.length < 3 || last.length < 2 * previous.length) return [];
  return [{
    id: 'escalation_frequency',
    kind: 'escalation_frequency',
    severity: 'warning',
    title: 'Escalation: rising frequency',
    explanation: `${last.length} behaviour records in the last 30 days against ${previous.length} in the 30 days before.`,
    eventIds: ids([...previous, ...last]),
    last30Days: last.length,
    previous30Days: previous.length,
  }];
}

/**
 * Severity stepping up the ladder: the worst behaviour in the last 30 days is on a higher rung than the
 * worst before then. Needs some earlier behaviour to step up from.
 */
export function severityStepUp(view: CaseView, now: Date): Signal[] {
  const all = conductEntries(view, now);
  const recent = within(all, now, 30);
  const earlier = before(all, now, 30);
  if (recent.length === 0 || earlier.length === 0) return [];
  const top = Math.max(...recent.map(rungIndex));
  const previousTop = Math.max(...earlier.map(rungIndex));
  if (top <= previousTop) return [];
  const from = rungs[previousTop]!;
  const to = rungs[top]!;
  return [{
    id: 'escalation_severity',
    kind: 'escalation_severity',
    severity: to === 'violence' ? 'critical' : 'warning',
    title: 'Escalation: behaviour more severe',
    explanation: `The most severe behaviour in the last 30 days (${to}) is beyond anything recorded before (${from}).`,
    eventIds: ids([...earlier.filter((e) => rungIndex(e) === previousTop), ...recent.filter((e) => rungIndex(e) === top)]),
    from,
    to,
  }];
}
