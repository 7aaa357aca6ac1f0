import type { MeetingView } from '../../api/types';

interface Props {
  meeting: MeetingView;
  selected: string | null;
  onSelect: (caseRef: string) => void;
  /** Only the chair of a running meeting moves it on. */
  onMove?: ((position: number) => void) | undefined;
  busy: boolean;
}

/** The agenda in order; the case under discussion is marked, and any case can be looked at. */
export function Agenda({ meeting, selected, onSelect, onMove, busy }: Props) {
  if (meeting.agenda.length === 0) return <section class="panel"><h2>Agenda</h2><p class="state empty">No case is on the agenda.</p></section>;
  return (
    <section class="panel agenda" aria-labelledby="agenda-heading">
      <h2 id="agenda-heading">Agenda</h2>
      <ol>
        {meeting.agenda.map((caseRef, i) => {
          const current = meeting.status === 'running' && meeting.position === i;
          return (
            <li key={caseRef} class={`${current ? 'current' : ''} ${selected === caseRef ? 'selected' : ''}`} aria-current={current ? 'step' : undefined}>
              <button type="button" class="agenda-item" aria-pressed={selected === caseRef} onClick={() => onSelect(caseRef)}>
                <span class="case-ref">{caseRef}</span>
                {current && <span class="badge now">Discussing now</span>}
              </button>
              {onMove && !current && (
                <button type="button" class="secondary small" disabled={busy} onClick={() => onMove(i)} aria-label={`Move the meeting to ${caseRef}`}>Discuss now</button>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
