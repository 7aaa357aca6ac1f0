/**
 * A small dense simplex: the least and greatest a figure can be, given sums of figures a reader knows and
 * each figure's bounds. Sizes are a family of figures over a few years (tens of rows and columns), so a
 * tableau with Bland's rule (no cycling) is enough.
 */

const EPSILON = 1e-9;

export interface LinearSystem {
  /** Each row: coefficients by column, and the row's value (`Σ a_j x_j = value`). */
  rows: ReadonlyArray<{ coefficients: ReadonlyMap<number, number>; value: number }>;
  lower: readonly number[];
  /** Infinity where a figure has no upper bound. */
  upper: readonly number[];
}

interface Tableau {
  /** m rows of (columns + 1): the last entry is the right-hand side. */
  cells: number[][];
  basis: number[];
  columns: number;
}

function pivot(t: Tableau, row: number, column: number): void {
  const r = t.cells[row]!;
  const p = r[column]!;
  for (let j = 0; j <= t.columns; j++) r[j]! /= p;
  for (let i = 0; i < t.cells.length; i++) {
    if (i === row) continue;
    const other = t.cells[i]!;
    const f = other[column]!;
    if (Math.abs(f) < EPSILON) continue;
    for (let j = 0; j <= t.columns; j++) other[j]! -= f * r[j]!;
  }
  t.basis[row] = column;
}

/** Minimise `cost · x` from a feasible basis; `allowed` says which columns may enter. Undefined when unbounded. */
function optimise(t: Tableau, cost: readonly number[], allowed: (column: number) => boolean): number | undefined {
  for (let step = 0; step < 10_000; step++) {
    // Reduced cost of column j: cost_j − Σ cost_basis(i) · a_ij.
    let entering = -1;
    for (let j = 0; j < t.columns && entering < 0; j++) {
      if (!allowed(j) || t.basis.includes(j)) continue;
      let reduced = cost[j] ?? 0;
      for (let i = 0; i < t.cells.length; i++) reduced -= (cost[t.basis[i]!] ?? 0) * t.cells[i]![j]!;
      if (reduced < -EPSILON) entering = j;
    }
    if (entering < 0) {
      return t.cells.reduce((sum, r, i) => sum + (cost[t.basis[i]!] ?? 0) * r[t.columns]!, 0);
    }
    let leaving = -1;
    let best = Infinity;
    for (let i = 0; i < t.cells.length; i++) {
      const a = t.cells[i]![entering]!;
      if (a <= EPSILON) continue;
      const ratio = t.cells[i]![t.columns]! / a;
      if (ratio < best - EPSILON || (Math.abs(ratio - best) <= EPSILON && t.basis[i]! < t.basis[leaving]!)) {
        best = ratio;
        leaving = i;
      }
    }
    if (leaving < 0) return undefined;
    pivot(t, leaving, entering);
  }
  throw new Error('simplex did not finish');
}

export interface Ranges {
  /** The least and greatest value of the figure at `column`, or undefined when no values satisfy the rows. */
  range(column: number): { min: number; max: number } | undefined;
}

/**
 * Set up `rows` over figures bounded by `lower..upper` once (phase one finds values that satisfy them),
 * then answer each figure's range from there.
 */
export function rangesOf(system: LinearSystem): Ranges {
  const n = system.lower.length;
  const finite = system.upper.map((u, j) => (Number.isFinite(u) ? j : -1)).filter((j) => j >= 0);
  // Columns: y_j = x_j − lower_j (n), a slack per finite upper bound, an artificial per equation row.
  const slackAt = new Map(finite.map((j, k) => [j, n + k]));
  const artificialFrom = n + finite.length;
  const m = system.rows.length;
  const columns = artificialFrom + m;
  const cells: number[][] = [];
  const basis: number[] = [];
  system.rows.forEach((row, i) => {
    const r = new Array<number>(columns + 1).fill(0);
    let value = row.value;
    for (const [j, a] of row.coefficients) {
      r[j] = a;
      value -= a * system.lower[j]!;
    }
    if (value < 0) {
      for (let j = 0; j < n; j++) r[j] = -r[j]!;
      value = -value;
    }
    r[artificialFrom + i] = 1;
    r[columns] = value;
    cells.push(r);
    basis.push(artificialFrom + i);
  });
  for (const j of finite) {
    const r = new Array<number>(columns + 1).fill(0);
    r[j] = 1;
    r[slackAt.get(j)!] = 1;
    r[columns] = system.upper[j]! - system.lower[j]!;
    cells.push(r);
    basis.push(slackAt.get(j)!);
  }
  const t: Tableau = { cells, basis, columns };
  const phaseOne = new Array<number>(columns).fill(0).map((_, j) => (j >= artificialFrom ? 1 : 0));
  const infeasible = (optimise(t, phaseOne, () => true) ?? Infinity) > 1e-6;
  if (!infeasible) {
    // Drive artificials still basic (at zero) out where a real column can replace them.
    t.basis.forEach((b, i) => {
      if (b < artificialFrom) return;
      const j = t.cells[i]!.findIndex((a, k) => k < artificialFrom && Math.abs(a) > EPSILON);
      if (j >= 0) pivot(t, i, j);
    });
  }
  const real = (j: number) => j < artificialFrom;
  return {
    range(column) {
      if (infeasible) return undefined;
      const objective = (sign: number) => {
        const copy: Tableau = { cells: t.cells.map((r) => [...r]), basis: [...t.basis], columns };
        const cost = new Array<number>(columns).fill(0);
        cost[column] = sign;
        const best = optimise(copy, cost, real);
        return best === undefined ? -Infinity : best;
      };
      const min = objective(1) + system.lower[column]!;
      const max = -objective(-1) + system.lower[column]!;
      return { min, max };
    },
  };
}
