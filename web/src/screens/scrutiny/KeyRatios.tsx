import type { ScrutinyFigures } from '../../api/types';
import { DERIVED } from './derived';
import { DerivedCard } from './DerivedCard';

/** The two figures the partnership is held to, first on the page. */
export function KeyRatios({ figures }: { figures: ScrutinyFigures }) {
  return (
    <section class="key-ratios" aria-labelledby="key-ratios-heading">
      <h2 id="key-ratios-heading">Key figures</h2>
      <div class="derived-grid">{DERIVED.map((info) => <DerivedCard key={info.key} figures={figures} info={info} />)}</div>
    </section>
  );
}
