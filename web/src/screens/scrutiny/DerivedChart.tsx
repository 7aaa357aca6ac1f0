import type { Column } from './columns';
import type { DerivedInfo } from './derived';

/**
 * A derived figure month by month (or quarter by quarter, year by year) as inline SVG bars (no chart library). The table beside it holds the same
 * figures with their parts, so the picture has a short text alternative only.
 */
export function DerivedChart({ columns, noun, info }: { columns: readonly Column[]; noun: string; info: DerivedInfo }) {
  const points = columns.map((c) => ({ key: c.key, label: c.label, short: c.short, value: c.derived[info.key].value }));
  const given = points.filter((p): p is typeof p & { value: number } => p.value !== null);
  const max = info.scaleMax(given.map((p) => p.value));
  const [width, height, left, bottom, top] = [480, 170, 44, 24, 18];
  const slot = (width - left) / Math.max(1, points.length);
  const barWidth = Math.min(48, slot - 10);
  const y = (v: number) => height - bottom - (v / max) * (height - bottom - top);
  const titleId = `chart-${info.key}-title`;
  const descId = `chart-${info.key}-desc`;
  const summary = given.length === 0
    ? `Not given for any ${noun} of the period.`
    : `Given for ${given.length} of ${points.length} ${noun}${points.length === 1 ? '' : 's'}: ${given.map((p) => `${p.label} ${info.format(p.value)}`).join('; ')}.`;

  return (
    <svg class="derived-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${titleId} ${descId}`} preserveAspectRatio="xMidYMid meet">
      <title id={titleId}>{info.title}, {noun} by {noun}</title>
      <desc id={descId}>{summary}</desc>
      <line x1={left} x2={width} y1={height - bottom} y2={height - bottom} class="axis" />
      <line x1={left} x2={width} y1={top} y2={top} class="gridline" />
      <text x={left - 6} y={top + 4} class="tick" text-anchor="end">{info.format(max)}</text>
      <text x={left - 6} y={height - bottom} class="tick" text-anchor="end">{info.format(0)}</text>
      {points.map((p, i) => {
        const x = left + i * slot + (slot - barWidth) / 2;
        const centre = x + barWidth / 2;
        return (
          <g key={p.key}>
            {p.value !== null
              ? (
                <>
                  <rect x={x} y={y(p.value)} width={barWidth} height={height - bottom - y(p.value)} class="bar derived" />
                  <text x={centre} y={y(p.value) - 4} class="value" text-anchor="middle">{info.format(p.value)}</text>
                </>
              )
              : <text x={centre} y={height - bottom - 6} class="tick" text-anchor="middle">not given</text>}
            <text x={centre} y={height - 7} class="tick" text-anchor="middle">{p.short}</text>
          </g>
        );
      })}
    </svg>
  );
}
