import type { ScrutinyFigures } from '../../api/types';
import type { Column } from './columns';
import { DERIVED } from './derived';
import { DerivedCard } from './DerivedCard';

/** The two figures the partnership is held to, first on the page. */
export function KeyRatios({ figures, columns, noun }: { figures: ScrutinyFigures; columns: readonly Column[]; noun: string }) {
  return (
    <section class="key-ratios" aria-labelledby="key-ratios-heading">
      <h2 id="key-ratios-heading">Key figures</h2>
      <div class="derived-grid">{DERIVED.map((info) => <DerivedCard key={info.key} figures={figures} columns={columns} noun={noun} info={info} />)}</div>
    </section>
  );
}
