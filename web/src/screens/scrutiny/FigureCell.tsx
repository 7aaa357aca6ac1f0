import type { Agency } from '../../api/types';
import { figureText, type Figure, type Measure } from './figures';

/**
 * One figure in a table, with a bar drawn to the measure's scale beside it (decorative: the number is the
 * text). A suppressed figure is a dashed bar spanning what it could be, 1 to threshold − 1, never zero.
 */
export function FigureCell({ figure, kind, max, agency, footnote }: { figure: Figure; kind: Measure['kind']; max: number; agency: Agency; footnote?: boolean }) {
  const width = (n: number) => Math.max(0, Math.min(100, (n / Math.max(1, max)) * 100));
  // Where a second figure of the group may have been withheld, "fewer than N" would not always be true.
  const withheld = figure.kind === 'suppressed' && footnote;
  const text = withheld ? 'suppressed' : figureText(figure, kind);
  return (
    <td class={`figure figure-${figure.kind}`}>
      <span class="figure-text">
        {text}
        {withheld && <sup aria-hidden="true">†</sup>}
        {withheld && figure.kind === 'suppressed' && <span class="visually-hidden"> (fewer than {figure.threshold}, or withheld so that another cannot be worked out, see the note)</span>}
      </span>
      {(figure.kind === 'value' || (figure.kind === 'suppressed' && kind === 'count')) && (
        <svg class="figure-bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true" focusable="false">
          {figure.kind === 'value'
            ? figure.value > 0 && <rect x="0" y="0" height="8" width={width(figure.value)} class={`bar agency-${agency}`} />
            : <rect x="0.5" y="0.5" height="7" width={Math.max(2, width(figure.threshold - 1) - 1)} class="bar-suppressed" vector-effect="non-scaling-stroke" />}
        </svg>
      )}
    </td>
  );
}
