import type { AudienceEntry, TimelineEntry } from '../../api/types';
import { when, words } from '../../ui/format';
import { LANES, agencyLabel, roleLabel } from '../../ui/labels';

function audienceText(audience: AudienceEntry[] | undefined): string {
  if (!audience?.length) return '';
  return audience.map((a) => ('agency' in a ? agencyLabel[a.agency] : roleLabel[a.role])).join(', ');
}

/** Who may see an entry, as its originating agency set it. */
export function SharingBadge({ entry }: { entry: Pick<TimelineEntry, 'sharing' | 'audience'> }) {
  if (entry.sharing === 'restricted') {
    return <span class="badge sharing-restricted" title="Only the named audience sees this">Restricted: {audienceText(entry.audience)}</span>;
  }
  return <span class="badge sharing-partnership" title="Every member of the case sees this">Partnership</span>;
}

interface Props {
  timeline: TimelineEntry[];
  /** Entries a signal or alert rests on, highlighted. */
  evidence: Set<string>;
  /** Entries that arrived live since the view was opened. */
  fresh: Set<string>;
}

/** The merged timeline, one lane (column) per agency, in the order things happened. */
export function Timeline({ timeline, evidence, fresh }: Props) {
  if (timeline.length === 0) return <p class="state empty">Nothing is on the timeline yet. Agencies' research returns appear here as they answer.</p>;
  const rows = [...timeline].reverse(); // newest first: the meeting talks about what happened last
  return (
    <div class="timeline-scroll" tabIndex={0} role="region" aria-label="Timeline, newest first">
      <table class="timeline">
        <caption class="visually-hidden">Case timeline: one column per agency, newest first</caption>
        <thead>
          <tr>
            <th scope="col" class="when-col">When</th>
            {LANES.map((lane) => <th scope="col" key={lane} class={`lane-head agency-${lane}`}>{agencyLabel[lane]}</th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map((e) => (
            <tr key={e.eventId} id={`entry-${e.eventId}`} class={`${evidence.has(e.eventId) ? 'evidence' : ''} ${fresh.has(e.eventId) ? 'fresh' : ''}`}>
              <th scope="row" class="when-col"><time dateTime={e.occurredAt}>{when(e.occurredAt)}</time></th>
              {LANES.map((lane) => (
                <td key={lane} data-lane={lane} class={`lane agency-${lane}`}>
                  {lane === e.agency && (
                    <div class="entry" data-event-id={e.eventId}>
                      <p class="entry-summary">{e.summary}</p>
                      {e.facts.on === 'incident' && e.facts.text && <p class="entry-text">“{e.facts.text}”</p>}
                      <p class="entry-meta">
                        <span class="kind">{words(e.kind)}</span> <SharingBadge entry={e} />
                        {fresh.has(e.eventId) && <span class="badge new">New</span>}
                        {evidence.has(e.eventId) && <span class="badge evidence-badge">Evidence</span>}
                      </p>
                    </div>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
