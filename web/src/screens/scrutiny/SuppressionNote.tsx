import type { ScrutinyFigures } from '../../api/types';
import { when } from '../../ui/format';
import { periodLabel } from './period';

/** What the figures are, when they were put together, and the small-cell rule they follow. */
export function SuppressionNote({ figures }: { figures: ScrutinyFigures }) {
  const threshold = figures.suppression.threshold;
  return (
    <div class="state info suppression-note">
      <p>
        <strong>{periodLabel(figures)}</strong>, as published by each agency; generated {when(figures.generatedAt)}.
        {' '}A figure describing 1 to {threshold - 1} records shows as <span class="figure-suppressed-sample">fewer than {threshold}</span> — it is never given as a number, and it is not zero.
      </p>
      <details>
        <summary>The suppression rule</summary>
        <p>{figures.suppression.rule}</p>
      </details>
    </div>
  );
}
