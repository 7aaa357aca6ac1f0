// `npm run bench:statistics`: what the quarter and year audit costs and what it lets through, on a synthetic
// agency (35 figures over 48 months, half of all monthly figures 1 to 4) released month by month as an agency
// publishes them, then on ten groups of a total and three parts. Pure computation: no stack needed. Figures go
// in docs/performance.md.
import { addMonths, count, decideRelease, periodWindow, within, type MonthWindow, type RawCell, type StatisticsSnapshot } from '../shared/src/statistics/index.js';

const SERIES = 35;
const MONTHS = 48;
const FIRST = '2022-01';
const THRESHOLD = 5;

let seed = 3;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
// 30 % of months none, 50 % 1 to 4 (suppressed alone), 20 % 5 to 24.
const data = Array.from({ length: SERIES }, () => Array.from({ length: MONTHS }, () => {
  const r = random();
  return r < 0.3 ? 0 : r < 0.8 ? 1 + Math.floor(random() * 4) : 5 + Math.floor(random() * 20);
}));
const rawOf = (w: MonthWindow): RawCell[] => data.map((series, k) => count(`figure_${k}`, series.reduce((sum, v, i) => sum + (within(new Date(Date.UTC(2022, i, 15)), w) ? v : 0), 0)));

const published: StatisticsSnapshot[] = [];
const times: number[] = [];
for (let i = 0; i < MONTHS; i++) {
  const month = addMonths(FIRST, i);
  const started = performance.now();
  published.push({ month, suppressionThreshold: THRESHOLD, ...decideRelease({ month, threshold: THRESHOLD, rawOf, published }) });
  times.push(performance.now() - started);
}

const monthCells = published.flatMap((p) => p.cells);
console.log(`releases: ${MONTHS} months × ${SERIES} figures; per release ${Math.round(times.reduce((a, b) => a + b, 0) / MONTHS)} ms mean, ${Math.round(Math.max(...times))} ms worst`);
const smallMonths = data.flat().filter((v) => v > 0 && v < THRESHOLD).length;
console.log(`months: ${monthCells.filter((c) => c.suppressed).length} of ${monthCells.length} suppressed, ${smallMonths} of them small`);
for (const kind of ['quarter', 'rolling_12_months'] as const) {
  let small = 0;
  let withheld = 0;
  let given = 0;
  for (const p of published.flatMap((r) => (r.periods ?? []).filter((x) => x.period === kind))) {
    const raw = rawOf(periodWindow(p));
    p.cells.forEach((c, k) => {
      const v = raw[k]!.value ?? 0;
      if (!c.suppressed) given++;
      else if (v > 0 && v < THRESHOLD) small++;
      else withheld++;
    });
  }
  console.log(`${kind}: ${given} given, ${small} small (suppressed as any figure), ${withheld} withheld by the audit`);
}

// Ten groups, each a total and three parts (the agencies' largest group is a total and three parts).
const GROUPS = 10;
const PARTS = 3;
const partsData = Array.from({ length: GROUPS }, () => Array.from({ length: PARTS }, () => Array.from({ length: MONTHS }, () => {
  const r = random();
  return r < 0.3 ? 0 : r < 0.8 ? 1 + Math.floor(random() * 4) : 5 + Math.floor(random() * 20);
})));
const sumIn = (series: readonly number[], w: MonthWindow) => series.reduce((sum, v, i) => sum + (within(new Date(Date.UTC(2022, i, 15)), w) ? v : 0), 0);
const groupedRawOf = (w: MonthWindow): RawCell[] => partsData.flatMap((group, k) => [
  count(`group_${k}`, group.reduce((sum, part) => sum + sumIn(part, w), 0), 'total'),
  ...group.map((part, j) => count(`group_${k}`, sumIn(part, w), `part_${j}`, `group_${k}/total`)),
]);
const grouped: StatisticsSnapshot[] = [];
const groupedTimes: number[] = [];
for (let i = 0; i < MONTHS; i++) {
  const month = addMonths(FIRST, i);
  const started = performance.now();
  grouped.push({ month, suppressionThreshold: THRESHOLD, ...decideRelease({ month, threshold: THRESHOLD, rawOf: groupedRawOf, published: grouped }) });
  groupedTimes.push(performance.now() - started);
}
const groupedPeriods = grouped.flatMap((r) => r.periods ?? []).flatMap((p) => p.cells);
console.log(`grouped (${GROUPS} × a total and ${PARTS} parts): per release ${Math.round(groupedTimes.reduce((a, b) => a + b, 0) / MONTHS)} ms mean, ${Math.round(Math.max(...groupedTimes))} ms worst; period figures ${groupedPeriods.filter((c) => !c.suppressed).length} of ${groupedPeriods.length} given`);
