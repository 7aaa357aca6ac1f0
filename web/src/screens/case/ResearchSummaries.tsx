import { Fragment } from 'preact';
import type { CaseView } from '../../api/types';
import { when } from '../../ui/format';
import { agencyLabel } from '../../ui/labels';

/** Each agency's latest summary of what its research on the case found, as you may see it. */
export function ResearchSummaries({ summaries }: { summaries: CaseView['researchSummaries'] | undefined }) {
  if (!summaries || summaries.length === 0) return null;
  return (
    <section class="panel research-summaries" aria-labelledby="summaries-heading">
      <h2 id="summaries-heading">What each agency's research found</h2>
      <dl>
        {summaries.map((s) => (
          <Fragment key={s.agency}>
            <dt>{agencyLabel[s.agency]} <span class="muted">· {when(s.at)}</span></dt>
            <dd>{s.summary}</dd>
          </Fragment>
        ))}
      </dl>
    </section>
  );
}
