import { OffenceClass, RiskGrade, SpoKind, type CaseEvent, type EventOfType } from '@convene/shared/contracts';
import { count, countsBy, within, type AgencyMeasures, type MonthWindow, type RawCell } from '@convene/shared/statistics';

const STALKING: readonly OffenceClass[] = ['pha_s2a', 'pha_s4a'];
const HARASSMENT: readonly OffenceClass[] = ['pha_s2', 'pha_s4'];
const gradeRank: Record<RiskGrade, number> = { standard: 0, medium: 1, high: 2 };
/** A DASH this close to an incident (either side) counts as that incident's assessment. */
export const DASH_MATCH_DAYS = 30;
const DAY_MS = 86_400_000;

type Of<T extends CaseEvent['type']> = EventOfType<T>;
const ofType = <T extends CaseEvent['type']>(records: readonly CaseEvent[], type: T) => records.filter((r): r is Of<T> => r.type === type);

function reclassification(from: OffenceClass, to: OffenceClass): 'harassment_to_stalking' | 'stalking_to_harassment' | 'other' {
  if (HARASSMENT.includes(from) && STALKING.includes(to)) return 'harassment_to_stalking';
  if (STALKING.includes(from) && HARASSMENT.includes(to)) return 'stalking_to_harassment';
  return 'other';
}

/** Each incident's class now: the last reclassification of it, by when it happened, among all the records held. */
function currentClasses(records: readonly CaseEvent[]): Map<string, OffenceClass> {
  const changes = ofType(records, 'police.classification.changed.v1').sort((a, b) => Date.parse(a.occurredat) - Date.parse(b.occurredat));
  return new Map(changes.map((c) => [c.data.crimeRef, c.data.to]));
}

const victimTokens = (e: CaseEvent) => e.subjects.filter((s) => s.role === 'victim').flatMap((s) => s.tokens);

/**
 * Incidents recorded in the month none of whose victims has a DASH (completed or declined) recorded within
 * 30 days either side. Incidents naming no victim are not counted: there is nobody to assess.
 */
function dashNotDone(incidents: readonly Of<'police.incident.recorded.v1'>[], assessments: readonly Of<'police.risk.assessed.v1'>[]): number {
  return incidents.filter((incident) => {
    const victims = victimTokens(incident);
    if (victims.length === 0) return false;
    const at = Date.parse(incident.occurredat);
    return !assessments.some((a) => Math.abs(Date.parse(a.occurredat) - at) <= DASH_MATCH_DAYS * DAY_MS
      && victimTokens(a).some((t) => victims.includes(t)));
  }).length;
}

/**
 * Police figures for one month, each counted by when the record says it happened: offences by the class
 * they were recorded under (a later reclassification is counted, in its own month, as a reclassification) and
 * by their class now (so harassment later recognised as stalking counts as stalking, in the month it happened);
 * DASH outcomes and grades; SPO applications, grants and breaches; arrests.
 */
export function policeCells(records: readonly CaseEvent[], window: MonthWindow): RawCell[] {
  const inMonth = records.filter((r) => within(r.occurredat, window));
  const incidents = ofType(inMonth, 'police.incident.recorded.v1');
  const dashes = ofType(inMonth, 'police.risk.assessed.v1');
  const completed = dashes.filter((d) => d.data.outcome === 'completed');
  const graded = completed.flatMap((d) => (d.data.grade ? [d.data.grade] : []));
  const current = currentClasses(records);
  return [
    ...countsBy('offences.recorded', OffenceClass.options, incidents.map((i) => i.data.offenceClass)),
    ...countsBy('offences.current_class', OffenceClass.options, incidents.map((i) => current.get(i.data.incidentRef) ?? i.data.offenceClass)),
    ...countsBy('reclassifications', ['harassment_to_stalking', 'stalking_to_harassment', 'other'] as const,
      ofType(inMonth, 'police.classification.changed.v1').map((c) => reclassification(c.data.from, c.data.to))),
    count('dash', completed.length, 'completed'),
    count('dash', dashes.length - completed.length, 'declined'),
    count('dash', dashNotDone(incidents, ofType(records, 'police.risk.assessed.v1')), 'not_done'),
    ...countsBy('risk.grade', RiskGrade.options, graded, 'dash/completed'),
    count('risk.victim_view_higher', completed.filter((d) => d.data.grade && d.data.victimOwnView && gradeRank[d.data.victimOwnView] > gradeRank[d.data.grade]).length),
    count('spo.applications', ofType(inMonth, 'police.spo.applied.v1').length),
    ...countsBy('spo.grants', SpoKind.options, ofType(inMonth, 'police.spo.granted.v1').map((g) => g.data.kind)),
    count('spo.breaches', ofType(inMonth, 'police.spo.breached.v1').length),
    count('arrests', ofType(inMonth, 'police.arrest.made.v1').length),
  ];
}

export const policeMeasures: AgencyMeasures = {
  types: [
    'police.incident.recorded.v1', 'police.risk.assessed.v1', 'police.classification.changed.v1', 'police.arrest.made.v1',
    'police.spo.applied.v1', 'police.spo.granted.v1', 'police.spo.breached.v1',
  ],
  lookbackDays: DASH_MATCH_DAYS,
  lookaheadDays: DASH_MATCH_DAYS,
  cells: policeCells,
};
