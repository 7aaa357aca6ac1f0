import { ConcernCategory, type CaseEvent, type EventOfType } from '@convene/shared/contracts';
import { count, countsBy, daysBetween, median, medianOf, within, type AgencyMeasures, type MonthWindow, type RawCell } from '@convene/shared/statistics';

type Of<T extends CaseEvent['type']> = EventOfType<T>;
const ofType = <T extends CaseEvent['type']>(records: readonly CaseEvent[], type: T) => records.filter((r): r is Of<T> => r.type === type);

/** A disclosure request older than this when decided is still matched to its decision. */
export const DISCLOSURE_LOOKBACK_DAYS = 366;

/**
 * Health figures for one month: concerns flagged by category; disclosure requests decided (disclosed or
 * refused) and the median whole days from the request reaching the Caldicott queue to the decision. The
 * median describes every decision in the month, so it is suppressed when they are too few.
 */
export function healthCells(records: readonly CaseEvent[], window: MonthWindow): RawCell[] {
  const inMonth = records.filter((r) => within(r.occurredat, window));
  const decisions = ofType(inMonth, 'health.disclosure.decided.v1');
  const requestedAt = new Map(ofType(records, 'health.disclosure.requested.v1').map((r) => [r.data.requestRef, r.occurredat]));
  const days = decisions.flatMap((d) => {
    const asked = requestedAt.get(d.data.requestRef);
    return asked ? [Math.max(0, daysBetween(asked, d.occurredat))] : [];
  });
  return [
    ...countsBy('concerns.flagged', ConcernCategory.options, ofType(inMonth, 'health.concern.flagged.v1').map((c) => c.data.category)),
    ...countsBy('disclosures.decided', ['disclosed', 'refused'] as const, decisions.map((d) => d.data.decision)),
    medianOf('disclosures.median_days_to_decide', median(days), days.length),
  ];
}

export const healthMeasures: AgencyMeasures = {
  types: ['health.concern.flagged.v1', 'health.disclosure.requested.v1', 'health.disclosure.decided.v1'],
  lookbackDays: DISCLOSURE_LOOKBACK_DAYS,
  cells: healthCells,
};
