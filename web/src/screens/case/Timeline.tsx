import type { AudienceEntry, TimelineEntry } from '../../api/types';
import { BehaviourChip } from '../../ui/behaviours';
import { day, when, words } from '../../ui/format';
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

/** Process entries (listing, research returns, reviews) say how the case was handled, not what happened to her. */
const isProcess = (e: TimelineEntry) => e.kind === 'listing' || e.kind === 'review' || (e.kind === 'other' && e.facts.on === 'research');

type Row = { conduct: TimelineEntry } | { process: TimelineEntry[]; day: string };

/** Conduct entries one per row; the process entries of one day folded into one row. */
function rowsOf(timeline: readonly TimelineEntry[]): Row[] {
  const rows: Row[] = [];
  for (const e of timeline) {
    if (!isProcess(e)) {
      rows.push({ conduct: e });
      continue;
    }
    const last = rows.at(-1);
    const onDay = e.occurredAt.slice(0, 10);
    if (last && 'process' in last && last.day === onDay) last.process.push(e);
    else rows.push({ process: [e], day: onDay });
  }
  return rows;
}

function Entry({ e, evidence, fresh }: { e: TimelineEntry } & Omit<Props, 'timeline'>) {
  return (
    <div class="entry" data-event-id={e.eventId} id={`entry-${e.eventId}`}>
      <p class="entry-summary">{e.summary}</p>
      {e.behaviours && e.behaviours.length > 0 && <p class="chips">{e.behaviours.map((b) => <BehaviourChip key={b} behaviour={b} />)}</p>}
      {e.facts.on === 'incident' && e.facts.text && <p class="entry-text">“{e.facts.text}”</p>}
      <p class="entry-meta">
        <span class="kind">{words(e.kind)}</span> <SharingBadge entry={e} />
        {fresh.has(e.eventId) && <span class="badge new">New</span>}
        {evidence.has(e.eventId) && <span class="badge evidence-badge">Evidence</span>}
      </p>
    </div>
  );
}

/**
 * The merged timeline, one lane (column) per agency, oldest first so the course of conduct reads as it built
 * up; the case's own process (listing, research returns, reviews) folded into one line per day.
 */
export function Timeline({ timeline, evidence, fresh }: Props) {
  if (timeline.length === 0) return <p class="state empty">Nothing is on the timeline yet. Agencies' research returns appear here as they answer.</p>;
  return (
    <div class="timeline-scroll" tabIndex={0} role="region" aria-label="Timeline, oldest first">
      <table class="timeline">
        <caption class="visually-hidden">Case timeline: one column per agency, oldest first; the case's process folded into one row per day</caption>
        <thead>
          <tr>
            <th scope="col" class="when-col">When</th>
            {LANES.map((lane) => <th scope="col" key={lane} class={`lane-head agency-${lane}`}>{agencyLabel[lane]}</th>)}
          </tr>
        </thead>
        <tbody>
          {rowsOf(timeline).map((row) => {
            if ('process' in row) {
              const marked = row.process.some((e) => evidence.has(e.eventId) || fresh.has(e.eventId));
              return (
                <tr key={`process-${row.day}-${row.process[0]!.eventId}`} class={`process-row ${marked ? 'evidence' : ''}`}>
                  <th scope="row" class="when-col"><time dateTime={row.day}>{day(row.day)}</time></th>
                  <td colSpan={LANES.length} class="process">
                    <details open={marked}>
                      <summary>Case process: {row.process.map((e) => e.summary).join(' · ')}</summary>
                      {row.process.map((e) => <Entry key={e.eventId} e={e} evidence={evidence} fresh={fresh} />)}
                    </details>
                  </td>
                </tr>
              );
            }
            const e = row.conduct;
            return (
              <tr key={e.eventId} class={`${evidence.has(e.eventId) ? 'evidence' : ''} ${fresh.has(e.eventId) ? 'fresh' : ''}`}>
                <th scope="row" class="when-col"><time dateTime={e.occurredAt}>{when(e.occurredAt)}</time></th>
                {LANES.map((lane) => (
                  <td key={lane} data-lane={lane} class={`lane agency-${lane}`}>
                    {lane === e.agency && <Entry e={e} evidence={evidence} fresh={fresh} />}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
