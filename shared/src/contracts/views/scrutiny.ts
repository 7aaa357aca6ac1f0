import { z } from 'zod';
import { Agency, Month } from '../common.js';
import { StatisticCell, StatisticsPeriodKind } from '../agencyCommon.js';

/** One figure the scrutiny page shows: which agency publishes it, its label, and its breakdowns. */
export const MeasureInfo = z.object({
  agency: Agency,
  measure: z.string(),
  label: z.string(),
  kind: z.enum(['count', 'median_days']),
  breakdowns: z.array(z.string()).readonly().optional(),
});
export type MeasureInfo = z.infer<typeof MeasureInfo>;

/** A ratio of published cells: rounded to 4 decimal places, or null with the reason it cannot be given. */
export const DerivedFigure = z.object({
  value: z.number().nullable(),
  numerator: z.int().nullable(),
  denominator: z.int().nullable(),
  reason: z.object({ code: z.enum(['not_published', 'suppressed', 'no_denominator']), message: z.string() }).nullable(),
});
export type DerivedFigure = z.infer<typeof DerivedFigure>;

/** One agency's figures for one month (or quarter, or year): none until it has published them. */
export const AgencyMonth = z.object({
  agency: Agency,
  published: z.boolean(),
  publishedAt: z.string().nullable(),
  eventId: z.string().nullable(),
  suppressionThreshold: z.int().nullable(),
  cells: z.array(StatisticCell),
});
export type AgencyMonth = z.infer<typeof AgencyMonth>;

const Derived = z.object({
  /** Police SPO applications per stalking offence recorded (s2A + s4A). */
  spoApplicationsPerStalkingOffence: DerivedFigure,
  /** Declined DASH / (completed + declined). */
  declinedAssessmentRate: DerivedFigure,
});

export const MonthFigures = z.object({
  month: Month,
  agencies: z.array(AgencyMonth),
  derived: Derived,
});
export type MonthFigures = z.infer<typeof MonthFigures>;

/** One quarter's or one year's figures: each agency's as its release at the period's end gave them. */
export const PeriodFigures = z.object({
  period: StatisticsPeriodKind,
  from: Month,
  to: Month,
  /** `January to March 2026`, `Year ending March 2026`. */
  label: z.string(),
  agencies: z.array(AgencyMonth),
  derived: Derived,
});
export type PeriodFigures = z.infer<typeof PeriodFigures>;

/** `GET /scrutiny/figures`: de-identified monthly figures per agency, small cells suppressed, and the derived ratios. */
export const ScrutinyFigures = z.object({
  from: Month,
  to: Month,
  generatedAt: z.string(),
  suppression: z.object({ threshold: z.int(), rule: z.string() }),
  measures: z.array(MeasureInfo).readonly(),
  months: z.array(MonthFigures),
  /** Calendar quarters ending in the period (March, June, September, December). */
  quarters: z.array(PeriodFigures),
  /** The years ending with each of those quarters. */
  years: z.array(PeriodFigures),
});
export type ScrutinyFigures = z.infer<typeof ScrutinyFigures>;
