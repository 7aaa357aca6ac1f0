import { CpsChargingDecided, type CaseEvent, type EventOfType } from '@convene/shared/contracts';
import { count, countsBy, within, type AgencyMeasures, type MonthWindow, type RawCell } from '@convene/shared/statistics';

type Of<T extends CaseEvent['type']> = EventOfType<T>;
const ofType = <T extends CaseEvent['type']>(records: readonly CaseEvent[], type: T) => records.filter((r): r is Of<T> => r.type === type);

const ChargingOutcome = CpsChargingDecided.shape.data.shape.outcome;

/** CPS figures for one month: history checks asked for, charging decisions by outcome, restraining orders made. */
export function cpsCells(records: readonly CaseEvent[], window: MonthWindow): RawCell[] {
  const inMonth = records.filter((r) => within(r.occurredat, window));
  return [
    count('history_checks.requested', ofType(inMonth, 'cps.history.requested.v1').length),
    ...countsBy('charging.decisions', ChargingOutcome.options, ofType(inMonth, 'cps.charging.decided.v1').map((d) => d.data.outcome)),
    ...countsBy('restraining_orders', ['on_conviction', 'on_acquittal'] as const,
      ofType(inMonth, 'cps.restraining_order.made.v1').map((o) => (o.data.onConviction ? 'on_conviction' : 'on_acquittal'))),
  ];
}

export const cpsMeasures: AgencyMeasures = {
  types: ['cps.history.requested.v1', 'cps.charging.decided.v1', 'cps.restraining_order.made.v1'],
  cells: cpsCells,
};
