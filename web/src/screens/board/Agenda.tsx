import { useEffect } from 'preact/hooks';
import { conference } from '../../api/conference';
import type { AgendaLine, MeetingView } from '../../api/types';
import { gradeLabel } from '../../ui/labels';
import { useAsync } from '../../ui/useAsync';

interface Props {
  meeting: MeetingView;
  selected: string | null;
  onSelect: (caseRef: string) => void;
  /** Only the chair of a running meeting moves it on. */
  onMove?: ((position: number) => void) | undefined;
  busy: boolean;
  /** Bumped when a live push touches any case: grades and labels are read again. */
  refreshKey?: number;
}

const gradedBy: Record<AgendaLine['gradedBy'], string> = { meeting: 'decided here', police: 'police DASH', declined: 'DASH declined', none: 'not assessed' };

function GradeOf({ line }: { line: AgendaLine | undefined }) {
  if (!line) return null;
  const text = line.grade ? gradeLabel[line.grade] : line.gradedBy === 'declined' ? 'Declined' : 'No grade';
  return <span class={`grade grade-${line.grade ?? 'none'}`} title={gradedBy[line.gradedBy]}>{text}<span class="visually-hidden"> ({gradedBy[line.gradedBy]})</span></span>;
}

/** The agenda in order, each case with its grade and a short label; the case under discussion is marked. */
export function Agenda({ meeting, selected, onSelect, onMove, busy, refreshKey = 0 }: Props) {
  const lines = useAsync(() => conference.agenda(meeting.meetingId), [meeting.meetingId, meeting.agenda.join(',')]);
  useEffect(() => {
    if (refreshKey > 0) lines.reload();
  }, [refreshKey]);
  const lineOf = new Map((lines.data ?? []).map((l) => [l.caseRef, l]));
  if (meeting.agenda.length === 0) return <section class="panel"><h2>Agenda</h2><p class="state empty">No case is on the agenda.</p></section>;
  return (
    <section class="panel agenda" aria-labelledby="agenda-heading">
      <h2 id="agenda-heading">Agenda</h2>
      <ol>
        {meeting.agenda.map((caseRef, i) => {
          const current = meeting.status === 'running' && meeting.position === i;
          const line = lineOf.get(caseRef);
          return (
            <li key={caseRef} class={`${current ? 'current' : ''} ${selected === caseRef ? 'selected' : ''}`} aria-current={current ? 'step' : undefined}>
              <button type="button" class="agenda-item" aria-pressed={selected === caseRef} onClick={() => onSelect(caseRef)}>
                <span class="case-ref">{caseRef}</span> <GradeOf line={line} />
                {line && <span class="agenda-line">{line.label}</span>}
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
