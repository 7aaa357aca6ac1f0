import { conference } from '../api/conference';
import type { MeetingView } from '../api/types';
import { Link } from '../router';
import { session } from '../session';
import { when } from '../ui/format';
import { Empty, ErrorBox, Loading } from '../ui/states';
import { useAsync } from '../ui/useAsync';
import { ScheduleMeeting } from './meetings/ScheduleMeeting';

const statusLabel: Record<MeetingView['status'], string> = { scheduled: 'Scheduled', running: 'In progress', ended: 'Ended' };

/** The meetings you chair or are invited to, latest first. */
export function Meetings() {
  const meetings = useAsync(() => conference.meetings(), []);
  const isChair = session.current()?.principal.role === 'chair';

  return (
    <section>
      <h1>Meetings</h1>
      {meetings.state === 'loading' && <Loading what="your meetings" />}
      {meetings.state === 'error' && <ErrorBox error={meetings.error} retry={meetings.reload} title="Could not load your meetings" />}
      {meetings.state === 'ready' && meetings.data.length === 0 && (
        <Empty>
          <p>You are not invited to any meeting yet.</p>
          <p class="hint">{isChair ? 'Schedule one below once cases are listed.' : 'The chair invites you when a case your agency holds is listed.'}</p>
        </Empty>
      )}
      {meetings.state === 'ready' && meetings.data.length > 0 && (
        <table class="data">
          <caption class="visually-hidden">Your meetings</caption>
          <thead><tr><th scope="col">Meeting</th><th scope="col">When</th><th scope="col">Status</th><th scope="col">Cases</th><th scope="col">Chair</th></tr></thead>
          <tbody>
            {meetings.data.map((m) => (
              <tr key={m.meetingId}>
                <th scope="row"><Link href={`/meetings/${m.meetingId}`}>{m.title}</Link></th>
                <td>{when(m.scheduledFor)}</td>
                <td><span class={`badge status-${m.status}`}>{statusLabel[m.status]}</span></td>
                <td>{m.agenda.length}</td>
                <td>{m.chair.displayName ?? m.chair.userId}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {isChair && <ScheduleMeeting onScheduled={meetings.reload} />}
    </section>
  );
}
