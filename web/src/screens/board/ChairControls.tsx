import type { MeetingView } from '../../api/types';

/** Start and end the meeting; moving the agenda is on the agenda itself. */
export function ChairControls({ meeting, busy, onStart, onEnd }: { meeting: MeetingView; busy: boolean; onStart: () => void; onEnd: () => void }) {
  return (
    <div class="chair-controls" role="group" aria-label="Chair controls">
      {meeting.status === 'scheduled' && <button type="button" disabled={busy || meeting.agenda.length === 0} onClick={onStart}>Start meeting</button>}
      {meeting.status === 'running' && <button type="button" class="danger" disabled={busy} onClick={onEnd}>End meeting</button>}
      {meeting.status === 'ended' && <p class="muted">This meeting has ended; its decisions stand.</p>}
    </div>
  );
}
