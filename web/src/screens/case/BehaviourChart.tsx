import type { Agency, TimelineEntry } from '../../api/types';
import { LANES, agencyLabel } from '../../ui/labels';

const WEEKS = 12;
const DAY = 86_400_000;

/** Monday 00:00 UTC of the week holding `t`. */
function weekStart(t: number): number {
  const d = new Date(t);
  const monday = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - ((d.getUTCDay() + 6) % 7) * DAY;
  return monday;
}

interface Week {
  start: number;
  byAgency: Partial<Record<Agency, number>>;
  total: number;
}

/** Behaviours recorded per week over the last 12 weeks, split by the agency that recorded them. */
export function weeklyBehaviours(timeline: TimelineEntry[], now = Date.now()): Week[] {
  const last = weekStart(now);
  const weeks: Week[] = Array.from({ length: WEEKS }, (_, i) => ({ start: last - (WEEKS - 1 - i) * 7 * DAY, byAgency: {}, total: 0 }));
  for (const e of timeline) {
    const n = e.behaviours?.length ?? 0;
    if (n === 0) continue;
    const index = (weekStart(Date.parse(e.occurredAt)) - weeks[0]!.start) / (7 * DAY);
    const week = weeks[Math.round(index)];
    if (!week) continue;
    week.byAgency[e.agency] = (week.byAgency[e.agency] ?? 0) + n;
    week.total += n;
  }
  return weeks;
}

const label = (start: number) => new Date(start).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

/** Inline SVG stacked bars (no chart library), with the same figures as a table for screen readers. */
export function BehaviourChart({ timeline }: { timeline: TimelineEntry[] }) {
  const weeks = weeklyBehaviours(timeline);
  const max = Math.max(1, ...weeks.map((w) => w.total));
  const total = weeks.reduce((n, w) => n + w.total, 0);
  const [width, height, left, bottom, top] = [640, 200, 32, 28, 10];
  const barWidth = (width - left) / WEEKS;
  const scale = (height - bottom - top) / max;
  const agencies = LANES.filter((a) => weeks.some((w) => w.byAgency[a]));

  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="chart-title chart-desc" preserveAspectRatio="xMidYMid meet">
        <title id="chart-title">Behaviours recorded per week, by agency</title>
        <desc id="chart-desc">{total === 0 ? 'No behaviours recorded in the last 12 weeks.' : `${total} behaviours recorded over the last 12 weeks; the busiest week had ${max}.`}</desc>
        <line x1={left} x2={width} y1={height - bottom} y2={height - bottom} class="axis" />
        <text x={left - 6} y={top + 4} class="tick" text-anchor="end">{max}</text>
        <text x={left - 6} y={height - bottom} class="tick" text-anchor="end">0</text>
        {weeks.map((w, i) => {
          let y = height - bottom;
          const x = left + i * barWidth + 4;
          return (
            <g key={w.start}>
              {LANES.map((a) => {
                const n = w.byAgency[a] ?? 0;
                if (!n) return null;
                y -= n * scale;
                return <rect key={a} x={x} y={y} width={barWidth - 8} height={n * scale} class={`bar agency-${a}`}><title>{`${agencyLabel[a]}: ${n} in the week of ${label(w.start)}`}</title></rect>;
              })}
              {i % 2 === 0 && <text x={x + (barWidth - 8) / 2} y={height - 8} class="tick" text-anchor="middle">{label(w.start)}</text>}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul class="legend" aria-label="Legend">
          {(agencies.length ? agencies : LANES).map((a) => <li key={a}><span class={`swatch agency-${a}`} aria-hidden="true" />{agencyLabel[a]}</li>)}
        </ul>
        <details>
          <summary>Show the figures as a table</summary>
          <table class="data compact">
            <thead><tr><th scope="col">Week of</th>{LANES.map((a) => <th scope="col" key={a}>{agencyLabel[a]}</th>)}<th scope="col">Total</th></tr></thead>
            <tbody>{weeks.map((w) => <tr key={w.start}><th scope="row">{label(w.start)}</th>{LANES.map((a) => <td key={a}>{w.byAgency[a] ?? 0}</td>)}<td>{w.total}</td></tr>)}</tbody>
          </table>
        </details>
      </figcaption>
    </figure>
  );
}
