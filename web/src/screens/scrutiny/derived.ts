// The two figures the partnership is scrutinised on, worked out by the service from police figures.
import type { DerivedFigure, MonthFigures } from '../../api/types';

export type DerivedKey = keyof MonthFigures['derived'];

export interface DerivedInfo {
  key: DerivedKey;
  title: string;
  definition: string;
  numerator: string;
  denominator: string;
  /** The parts in words, e.g. `3 SPO applications : 8 stalking offences`. */
  parts: (numerator: number, denominator: number) => string;
  /** Why there is nothing to divide by. */
  nothingToDivide: string;
  /** The value as people read it: a ratio, or a percentage. */
  format: (value: number) => string;
  /** The chart's top: fixed for a rate, the largest value for a ratio. */
  scaleMax: (values: number[]) => number;
}

export const DERIVED: readonly DerivedInfo[] = [
  {
    key: 'spoApplicationsPerStalkingOffence',
    title: 'SPO applications : stalking offences',
    definition: 'Stalking Protection Order applications by police, per stalking offence recorded (PHA s2A and s4A).',
    numerator: 'SPO applications',
    denominator: 'Stalking offences',
    parts: (n, d) => `${n} SPO application${n === 1 ? '' : 's'} : ${d} stalking offence${d === 1 ? '' : 's'}`,
    nothingToDivide: 'No stalking offence was recorded',
    format: (v) => v.toFixed(2),
    scaleMax: (values) => Math.max(1, ...values),
  },
  {
    key: 'declinedAssessmentRate',
    title: 'Declined DASH rate',
    definition: 'DASH risk assessments the victim declined, out of those completed or declined.',
    numerator: 'Declined',
    denominator: 'Completed or declined',
    parts: (n, d) => `${n} declined of ${d} completed or declined`,
    nothingToDivide: 'No DASH was completed or declined',
    format: (v) => `${(Math.round(v * 1000) / 10).toString()}%`,
    scaleMax: () => 1,
  },
];

/**
 * Why a figure is not given, in words: the parts are police figures, so either police have not published the
 * month, a part is suppressed, or there is nothing to divide by. The service's own reason follows when it
 * is something else.
 */
export function reasonText(info: DerivedInfo, figure: DerivedFigure, period: string, threshold: number, onlySmallSuppressed = true): string {
  const reason = figure.reason;
  if (!reason) return '';
  switch (reason.code) {
    case 'not_published':
      return figure.numerator === null && figure.denominator === null && /has not published/.test(reason.message)
        ? `Police have not published figures for ${period} yet`
        : `Not published: ${reason.message}`;
    case 'suppressed':
      if (figure.numerator !== null) return `${info.denominator}: a part of it is suppressed`;
      return onlySmallSuppressed ? `${info.numerator}: fewer than ${threshold}, suppressed` : `${info.numerator}: suppressed`;
    case 'no_denominator':
      return info.nothingToDivide;
    default:
      return reason.message;
  }
}

/** A part of the ratio: its number, or why it is not there. */
export function partText(part: number | null, figure: DerivedFigure): string {
  if (part !== null) return String(part);
  return figure.reason?.code === 'suppressed' ? 'suppressed' : 'not published';
}
