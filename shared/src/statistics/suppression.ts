import type { z } from 'zod';
import type { StatisticCell as StatisticCellSchema } from '../contracts/index.js';

export type StatisticCell = z.infer<typeof StatisticCellSchema>;

export const DEFAULT_SUPPRESSION_THRESHOLD = 5;

/** A figure before suppression, as an agency's measures compute it. */
export interface RawCell {
  measure: string;
  breakdown?: string;
  /** null when there is nothing to measure (a median over no records): published as null, not suppressed. */
  value: number | null;
  /** How many records the value describes: the count itself for a count, the number of records for a median. */
  base?: number;
  /** The cell (`measure` or `measure/breakdown`) this one is a part of, when that total is published too. */
  partOf?: string;
}

export function cellKey(cell: { measure: string; breakdown?: string | undefined }): string {
  return cell.breakdown ? `${cell.measure}/${cell.breakdown}` : cell.measure;
}

/**
 * Small-cell suppression. Primary: a figure describing 1 to threshold − 1 records is published as
 * `suppressed: true, value: null`, never as a number (zero is published: it identifies nobody). Secondary:
 * where parts and their total are all published, one suppressed member could be worked out by subtraction,
 * so the smallest other non-zero part (else the total) is suppressed as well.
 */
export function suppress(raw: readonly RawCell[], threshold: number): StatisticCell[] {
  const suppressed = raw.map((c) => {
    const base = c.base ?? c.value ?? 0;
    return c.value !== null && base > 0 && base < threshold;
  });
  const indexByKey = new Map(raw.map((c, i) => [cellKey(c), i]));
  const groups = new Map<number, number[]>();
  raw.forEach((c, i) => {
    const total = c.partOf === undefined ? undefined : indexByKey.get(c.partOf);
    if (total !== undefined) groups.set(total, [...(groups.get(total) ?? []), i]);
  });
  for (let changed = true, rounds = 0; changed && rounds <= raw.length; rounds++) {
    changed = false;
    for (const [total, parts] of groups) {
      const members = [total, ...parts];
      if (members.filter((i) => suppressed[i]).length !== 1) continue;
      const next = parts.filter((i) => !suppressed[i] && (raw[i]!.value ?? 0) > 0).sort((a, b) => raw[a]!.value! - raw[b]!.value!)[0] ?? total;
      if (!suppressed[next]) {
        suppressed[next] = true;
        changed = true;
      }
    }
  }
  return raw.map((c, i) => ({
    measure: c.measure,
    ...(c.breakdown ? { breakdown: c.breakdown } : {}),
    value: suppressed[i] ? null : c.value,
    suppressed: suppressed[i]!,
  }));
}

/** The rule in words, for every page and export that shows the figures. */
export function suppressionRule(threshold: number): string {
  return `Figures describing 1 to ${threshold - 1} records are suppressed (shown as "suppressed", never as a number); `
    + 'where a published total would let a suppressed figure be worked out, a second figure in the group is suppressed too. '
    + 'A quarter\'s or a year\'s figure is suppressed too where, with the months and other periods published, it would narrow what a suppressed figure could be. '
    + 'A ratio or rate over a suppressed figure is not given.';
}

/** Convenience builders for the measures modules. */
export const count = (measure: string, value: number, breakdown?: string, partOf?: string): RawCell => ({
  measure, value, ...(breakdown ? { breakdown } : {}), ...(partOf ? { partOf } : {}),
});

export const medianOf = (measure: string, value: number | undefined, base: number): RawCell => ({ measure, value: value ?? null, base });

/** One count per value of an enumeration, in its order, zeros included so every month has the same cells. */
export function countsBy<T extends string>(measure: string, values: readonly T[], items: readonly T[], partOf?: string): RawCell[] {
  return values.map((v) => count(measure, items.filter((i) => i === v).length, v, partOf));
}
