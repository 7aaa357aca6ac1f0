import { ConsentLevel, RiskGrade, type CaseEvent, type EventOfType } from '@convene/shared/contracts';
import { count, countsBy, within, type AgencyMeasures, type MonthWindow, type RawCell } from '@convene/shared/statistics';

type Of<T extends CaseEvent['type']> = EventOfType<T>;
const ofType = <T extends CaseEvent['type']>(records: readonly CaseEvent[], type: T) => records.filter((r): r is Of<T> => r.type === type);

/**
 * Advocacy figures for one month: victims engaged (one engagement each) and the consent they gave, consents
 * revoked, and victims' own view of their risk (their latest view in the month). Whether that view is higher
 * than the assessed grade is not known here (advocacy holds no assessed grade): the police count it against
 * the DASH grade, and the conference against each case's current grade.
 */
export function advocacyCells(records: readonly CaseEvent[], window: MonthWindow): RawCell[] {
  const inMonth = records.filter((r) => within(r.occurredat, window));
  const engaged = ofType(inMonth, 'advocacy.victim.engaged.v1');
  const latestView = new Map<string, Of<'advocacy.victim.view.recorded.v1'>>();
  for (const view of ofType(inMonth, 'advocacy.victim.view.recorded.v1')) {
    const seen = latestView.get(view.data.engagementRef);
    if (!seen || Date.parse(view.occurredat) >= Date.parse(seen.occurredat)) latestView.set(view.data.engagementRef, view);
  }
  return [
    count('victims.engaged', engaged.length),
    ...countsBy('consent', ConsentLevel.options, engaged.map((e) => e.data.consent), 'victims.engaged'),
    count('consent.revoked', ofType(inMonth, 'advocacy.consent.revoked.v1').length),
    ...countsBy('victim_view', RiskGrade.options, [...latestView.values()].map((v) => v.data.ownViewOfRisk)),
  ];
}

export const advocacyMeasures: AgencyMeasures = {
  types: ['advocacy.victim.engaged.v1', 'advocacy.consent.revoked.v1', 'advocacy.victim.view.recorded.v1'],
  cells: advocacyCells,
  // Each victim's latest view in the window: a quarter's is not the sum of its months'.
  stocks: ['victim_view'],
};
