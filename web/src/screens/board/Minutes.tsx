import { useState } from 'preact/hooks';
import { conference } from '../../api/conference';
import type { MeetingView } from '../../api/types';
import { saveBlob } from '../../ui/download';
import { FormOutcome, useSubmit } from '../../ui/form';
import { roleLabel } from '../../ui/labels';

type Mark = 'present' | 'apologies' | 'absent';

/**
 * The meeting's record: the chair marks who is here and who sent apologies; every member can download the minutes
 * (cases discussed, risk decisions, actions, attendance) as an accessible HTML page or a PDF.
 */
export function Minutes({ meeting, isChair, onRecorded }: { meeting: MeetingView; isChair: boolean; onRecorded: (m: MeetingView) => void }) {
  const people = [{ userId: meeting.chair.userId, name: meeting.chair.displayName ?? meeting.chair.userId, role: 'chair' as const },
    ...meeting.members.map((m) => ({ userId: m.userId, name: m.displayName ?? m.userId, role: m.role }))];
  const recorded = meeting.attendance;
  const initial = (userId: string): Mark => (recorded?.present.includes(userId) ? 'present' : recorded?.apologies.includes(userId) ? 'apologies' : 'absent');
  const [marks, setMarks] = useState<Record<string, Mark>>(() => Object.fromEntries(people.map((p) => [p.userId, initial(p.userId)])));
  const saving = useSubmit<MeetingView>();
  const downloading = useSubmit<void>();
  const save = async (e: Event) => {
    e.preventDefault();
    const ids = (mark: Mark) => people.filter((p) => marks[p.userId] === mark).map((p) => p.userId);
    const after = await saving.submit(() => conference.recordAttendance(meeting.meetingId, { present: ids('present'), apologies: ids('apologies') }));
    if (after) onRecorded(after);
  };
  const download = (format: 'html' | 'pdf') => void downloading.submit(async () => saveBlob(await conference.minutes(meeting.meetingId, format), `minutes-${meeting.meetingId}.${format}`));
  return (
    <section class="panel minutes" aria-labelledby="minutes-heading">
      <h2 id="minutes-heading">Attendance and minutes</h2>
      {isChair && meeting.status !== 'scheduled' ? (
        <form onSubmit={save}>
          <table class="data compact">
            <caption>Who is here</caption>
            <thead><tr><th scope="col">Person</th><th scope="col">Present</th><th scope="col">Apologies</th><th scope="col">Not here</th></tr></thead>
            <tbody>
              {people.map((p) => (
                <tr key={p.userId}>
                  <th scope="row">{p.name} <span class="muted">({roleLabel[p.role]})</span></th>
                  {(['present', 'apologies', 'absent'] as const).map((mark) => (
                    <td key={mark}>
                      <input type="radio" name={`attendance-${p.userId}`} aria-label={`${p.name}: ${mark === 'absent' ? 'not here' : mark}`}
                        checked={marks[p.userId] === mark} onChange={() => setMarks((m) => ({ ...m, [p.userId]: mark }))} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <button type="submit" disabled={saving.busy}>{saving.busy ? 'Recording…' : 'Record attendance'}</button>
          <FormOutcome error={saving.error} success={saving.result ? 'Attendance recorded.' : undefined} />
        </form>
      ) : (
        <p class="muted">{recorded ? `Attendance recorded: ${recorded.present.length} present, ${recorded.apologies.length} apologies.` : 'Attendance has not been recorded yet.'}</p>
      )}
      {meeting.status !== 'scheduled' && (
        <p>
          <button type="button" onClick={() => download('html')} disabled={downloading.busy}>Minutes (HTML)</button>{' '}
          <button type="button" onClick={() => download('pdf')} disabled={downloading.busy}>Minutes (PDF)</button>
        </p>
      )}
      <FormOutcome error={downloading.error} />
    </section>
  );
}
