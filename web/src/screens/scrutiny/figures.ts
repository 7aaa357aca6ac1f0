// Pure helpers over `GET /scrutiny/figures`: what one cell shows, and how each measure is labelled.
import type { Agency, AgencyMonth, ScrutinyFigures } from '../../api/types';
import { agencyLabel, concernCategoryLabel, gradeLabel } from '../../ui/labels';
import { sentence, words } from '../../ui/format';

export const SCRUTINY_AGENCIES: readonly Agency[] = ['police', 'cps', 'health', 'advocacy', 'conference'];

export type Measure = ScrutinyFigures['measures'][number];

/** What one published figure is, as the page shows it. */
export type Figure =
  | { kind: 'value'; value: number }
  /** Small-cell suppression: 1 to threshold − 1 records (never shown as a number, never as zero). */
  | { kind: 'suppressed'; threshold: number }
  /** A median over no records. */
  | { kind: 'none' }
  | { kind: 'not_published' };

export const anyPublished = (figures: ScrutinyFigures) => figures.months.some((m) => m.agencies.some((a) => a.published));

/** One cell of an agency's month: a cell the agency did not publish (e.g. a newer measure) counts as not published. */
export function figureOf(figures: ScrutinyFigures, published: AgencyMonth | undefined, measure: string, breakdown?: string): Figure {
  if (!published?.published) return { kind: 'not_published' };
  const cell = published.cells.find((c) => c.measure === measure && (c.breakdown ?? undefined) === breakdown);
  if (!cell) return { kind: 'not_published' };
  if (cell.suppressed) return { kind: 'suppressed', threshold: published.suppressionThreshold ?? figures.suppression.threshold };
  return cell.value === null ? { kind: 'none' } : { kind: 'value', value: cell.value };
}

/**
 * Figures published together with their total, where one suppressed part could be worked out by
 * subtraction: the service then suppresses a second figure of the group too, which may be the threshold or
 * more. The view does not say which suppression was secondary, so these are footnoted.
 */
const GROUPED = new Set(['police:dash/completed', 'police:risk.grade/*', 'advocacy:victims.engaged', 'advocacy:consent/*']);
export const secondarySuppressionPossible = (agency: Agency, measure: string, breakdown?: string) =>
  GROUPED.has(`${agency}:${measure}/*`) || GROUPED.has(breakdown ? `${agency}:${measure}/${breakdown}` : `${agency}:${measure}`);

/** The agency's measures: the catalogue's, plus any figure it published that the catalogue does not name yet. */
export function measuresOf(figures: ScrutinyFigures, agency: Agency): Measure[] {
  const known = figures.measures.filter((m) => m.agency === agency);
  const extra = new Map<string, Set<string>>();
  for (const m of figures.months) {
    for (const cell of m.agencies.find((a) => a.agency === agency)?.cells ?? []) {
      const info = known.find((k) => k.measure === cell.measure);
      if (info && (!cell.breakdown || info.breakdowns?.includes(cell.breakdown))) continue;
      const set = extra.get(cell.measure) ?? new Set<string>();
      if (cell.breakdown) set.add(cell.breakdown);
      extra.set(cell.measure, set);
    }
  }
  const merged = known.map((k) => {
    const more = extra.get(k.measure);
    extra.delete(k.measure);
    return more?.size ? { ...k, breakdowns: [...(k.breakdowns ?? []), ...[...more].filter((b) => !k.breakdowns?.includes(b))] } : k;
  });
  const unknown = [...extra].map(([measure, breakdowns]): Measure => ({
    agency, measure, label: sentence(words(measure.replaceAll('.', ' '))), kind: 'count', ...(breakdowns.size ? { breakdowns: [...breakdowns] } : {}),
  }));
  return [...merged, ...unknown];
}

const OFFENCE_COLUMNS: Record<string, string> = {
  pha_s2: 'Harassment s2', pha_s2a: 'Stalking s2A', pha_s4: 'Harassment s4', pha_s4a: 'Stalking s4A', malicious_communications: 'Malicious comms', other: 'Other',
};

/** A breakdown's column heading. */
export function breakdownLabel(measure: string, breakdown: string): string {
  if (measure.startsWith('offences.')) return OFFENCE_COLUMNS[breakdown] ?? sentence(words(breakdown));
  if (measure.startsWith('concerns.')) return sentence(concernCategoryLabel[breakdown as 'injury'] ?? words(breakdown));
  if (breakdown in gradeLabel) return gradeLabel[breakdown as 'high'];
  if (breakdown in agencyLabel) return agencyLabel[breakdown as 'police'];
  return sentence(words(breakdown));
}

/** The figure in words, for a table cell and for the chart's text alternative. */
export function figureText(figure: Figure, kind: Measure['kind']): string {
  switch (figure.kind) {
    case 'value': return kind === 'median_days' ? `${figure.value} day${figure.value === 1 ? '' : 's'}` : String(figure.value);
    case 'suppressed': return kind === 'median_days' ? `suppressed (fewer than ${figure.threshold} records)` : `fewer than\u00a0${figure.threshold}`;
    case 'none': return 'none (no records)';
    case 'not_published': return 'not published';
  }
}
