/**
 * Can anyone work out a suppressed figure from what is published? Each published count that is a sum of
 * other figures (a period of its months, a total of its parts) is an equation over the figures a reader
 * does not know; with what a reader knows of each (at least 1 if suppressed, at most threshold − 1 where the
 * rule says it can only have been suppressed for being small), a suppressed figure is disclosed when the
 * equations narrow it at all: fewer whole numbers are left for it than the rule alone leaves (up to `width`,
 * threshold − 1). Not only when one is left: which figures are withheld itself tells a reader who knows the
 * rule that they would have narrowed something, and only "not narrowed at all" keeps that from adding up.
 * Its least and greatest values are found by linear programming over every equation at once.
 */
import { rangesOf } from './linearProgram.js';

export interface Unknown {
  lower: number;
  /** Infinity when the figure may have been withheld with its group rather than for being small. */
  upper: number;
  /** A suppressed figure, which must stay unknown; a figure never published at all is unknown but no secret. */
  secret: boolean;
}

/** `Σ coefficient · figure = value` over figures a reader does not know (known ones already moved to the value). */
export interface Equation {
  terms: ReadonlyArray<readonly [figure: string, coefficient: number]>;
  value: number;
}

const EPSILON = 1e-6;

export type Audit =
  | { outcome: 'safe' }
  | { outcome: 'disclosed'; figure: string }
  /** The equations disagree (figures revised since an earlier publication): nothing can be concluded. */
  | { outcome: 'inconsistent' };

export function audit(unknowns: ReadonlyMap<string, Unknown>, equations: readonly Equation[], width: number): Audit {
  const relevant = equations.filter((e) => e.terms.length > 0);
  if (relevant.length === 0) return { outcome: 'safe' };
  const column = new Map<string, number>();
  for (const e of relevant) for (const [t] of e.terms) if (!column.has(t)) column.set(t, column.size);
  const known = [...column.keys()].map((k) => unknowns.get(k) ?? { lower: 0, upper: Infinity, secret: false });
  const ranges = rangesOf({
    rows: relevant.map((e) => {
      const coefficients = new Map<number, number>();
      for (const [t, c] of e.terms) coefficients.set(column.get(t)!, (coefficients.get(column.get(t)!) ?? 0) + c);
      return { coefficients, value: e.value };
    }),
    lower: known.map((u) => u.lower),
    upper: known.map((u) => u.upper),
  });
  for (const [figure, j] of column) {
    const u = known[j]!;
    // A figure a reader could pin down from the rule alone (threshold 2: every small one is 1) is the rule's doing.
    if (!u.secret || u.lower === u.upper) continue;
    const range = ranges.range(j);
    if (!range) return { outcome: 'inconsistent' };
    const left = Math.floor(range.max + EPSILON) - Math.ceil(range.min - EPSILON) + 1;
    if (left < Math.min(width, u.upper - u.lower + 1)) return { outcome: 'disclosed', figure };
  }
  return { outcome: 'safe' };
}
