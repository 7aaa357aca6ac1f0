import type { CaseView } from '../caseView.js';
import { conductEntries, ids, type ConductEntry } from './conduct.js';
import { signalCatalogue } from './catalogue.js';
import type { FourIndicator, FourReport, Signal } from './types.js';

function indicator(met: boolean, entries: readonly ConductEntry[]): FourIndicator {
  return { met, eventIds: met ? ids(entries) : [] };
}

/**
 * The FOUR indicators over the whole timeline. Approximations, because events carry no more than this:
 * - Fixated: behaviour on at least 3 distinct (UTC) days. Every behaviour record in a case view concerns
 *   that case's victim, so "the same victim" is the case itself.
 * - Obsessive: at least 3 distinct behaviour types.
 * - Unwanted: any incident, diary entry or breach. No event records "the victim said it was unwanted", but
 *   conduct that was reported to police or an advocate, or breaches an order, is unwanted by being reported.
 * - Repeated: at least 2 behaviour records.
 */
export function fourReport(view: CaseView, now: Date): FourReport {
  const conduct = conductEntries(view, now);
  const days = new Set(conduct.map((e) => new Date(e.occurredAt).toISOString().slice(0, 10)));
  const types = new Set(conduct.flatMap((e) => e.behaviours));
  const reported = conduct.filter((e) => e.kind === 'incident' || e.kind === 'diary' || e.kind === 'breach');
  return {
    fixated: indicator(days.size >= 3, conduct),
    obsessive: indicator(types.size >= 3, conduct),
    unwanted: indicator(reported.length > 0, reported),
    repeated: indicator(conduct.length >= 2, conduct),
  };
}

/** Reported whenever there is conduct; a warning only when all four are met. */
export function four(view: CaseView, now: Date): Signal[] {
  const conduct = conductEntries(view, now);
  if (conduct.length === 0) return [];
  const indicators = fourReport(view, now);
  const met = (Object.keys(indicators) as (keyof FourReport)[]).filter((k) => indicators[k].met);
  const all = met.length === 4;
  return [{
    id: 'four',
    kind: 'four',
    severity: all ? 'warning' : 'info',
    title: all ? `${signalCatalogue.four.title}: all four met` : `${signalCatalogue.four.title}: ${met.length} of 4`,
    explanation: all
      ? 'The behaviour is fixated, obsessive, unwanted and repeated: the pattern of stalking.'
      : `Indicators met: ${met.length ? met.join(', ') : 'none'}.`,
    eventIds: ids(conduct),
    indicators,
  }];
}
