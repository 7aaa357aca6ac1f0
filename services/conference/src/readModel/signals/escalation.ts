import type { CaseView } from '../caseView.js';
import { before, conductEntries, idsInOrder, rungIndex, rungs, within, type ConductEntry } from './conduct.js';
import { signalCatalogue } from './catalogue.js';
import type { FrequencyMeasure, SeverityMeasure, Signal } from './types.js';

const RECENT_DAYS = 30;

/** Rising: at least three records in the last 30 days, and at least twice the 30 days before. */
export function frequencyOf(recent: readonly ConductEntry[], previous: readonly ConductEntry[]): FrequencyMeasure {
  return { last30Days: recent.length, previous30Days: previous.length, rising: recent.length >= 3 && recent.length >= 2 * previous.length };
}

/**
 * The worst recent record against everything before the window, and against the records before it inside the
 * window: a course of conduct that restarts low and climbs is escalating even if it was once worse.
 */
export function severityOf(recent: readonly ConductEntry[], earlier: readonly ConductEntry[]): SeverityMeasure & { fromEntries: ConductEntry[]; toEntries: ConductEntry[] } {
  if (recent.length === 0) return { to: null, from: null, steppedUp: null, fromEntries: [], toEntries: [] };
  const top = Math.max(...recent.map(rungIndex));
  const toEntries = recent.filter((e) => rungIndex(e) === top);
  const earlierTop = earlier.length ? Math.max(...earlier.map(rungIndex)) : -1;
  if (earlierTop >= 0 && top > earlierTop) {
    return { to: rungs[top]!, from: rungs[earlierTop]!, steppedUp: 'against_earlier', fromEntries: earlier.filter((e) => rungIndex(e) === earlierTop), toEntries };
  }
  // Within the window: the first record on the top rung, against the worst before it in the window.
  const firstTop = recent.indexOf(toEntries[0]!);
  const lead = recent.slice(0, firstTop);
  const leadTop = lead.length ? Math.max(...lead.map(rungIndex)) : -1;
  if (leadTop >= 0 && top > leadTop) {
    return { to: rungs[top]!, from: rungs[leadTop]!, steppedUp: 'within_window', fromEntries: lead.filter((e) => rungIndex(e) === leadTop), toEntries };
  }
  return { to: rungs[top]!, from: null, steppedUp: null, fromEntries: [], toEntries: [] };
}

/** Escalation by frequency or by severity; whichever fires, both measures are shown. */
export function escalation(view: CaseView, now: Date): Signal[] {
  const all = conductEntries(view, now);
  const recent = within(all, now, RECENT_DAYS);
  const previous = within(all, now, RECENT_DAYS, RECENT_DAYS);
  const frequency = frequencyOf(recent, previous);
  const { fromEntries, toEntries, ...stepUp } = severityOf(recent, before(all, now, RECENT_DAYS));
  if (!frequency.rising && !stepUp.steppedUp) return [];
  const parts = [
    `${recent.length} behaviour record(s) in the last 30 days against ${previous.length} in the 30 days before${frequency.rising ? ' (rising)' : ''}`,
    stepUp.steppedUp
      ? `severity stepped up from ${stepUp.from} to ${stepUp.to} ${stepUp.steppedUp === 'within_window' ? 'within the last 30 days' : 'beyond anything recorded before'}`
      : `the most severe recent behaviour (${stepUp.to}) is no step up`,
  ];
  const evidence = [...(frequency.rising ? [...previous, ...recent] : []), ...fromEntries, ...toEntries];
  return [{
    id: 'escalation',
    kind: 'escalation',
    severity: stepUp.to === 'violence' && stepUp.steppedUp ? 'critical' : 'warning',
    title: signalCatalogue.escalation.title,
    explanation: `${parts.join('; ')}.`,
    eventIds: idsInOrder(evidence),
    frequency,
    stepUp,
  }];
}
