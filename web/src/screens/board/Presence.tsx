import type { MeetingView, PresentUser } from '../../api/types';
import { agencyLabel, roleLabel } from '../../ui/labels';

/** Who is in the meeting now, beside who was invited: each person once, however many tabs or lists they are in. */
export function Presence({ present, meeting }: { present: PresentUser[]; meeting: MeetingView }) {
  const here = new Set(present.map((p) => p.userId));
  const listed = [{ userId: meeting.chair.userId, displayName: meeting.chair.displayName, agency: 'conference' as const, role: 'chair' as const }, ...meeting.members];
  const invited = [...new Map(listed.map((m) => [m.userId, m])).values()];
  const guests = [...new Map(present.filter((p) => !invited.some((m) => m.userId === p.userId)).map((p) => [p.userId, p])).values()];
  const people = [...invited, ...guests];
  const count = people.filter((m) => here.has(m.userId)).length;
  return (
    <section class="panel presence" aria-labelledby="presence-heading">
      <h2 id="presence-heading">Who is here <span class="count">({count} of {invited.length})</span></h2>
      <ul>
        {people.map((m) => (
          <li key={m.userId} class={here.has(m.userId) ? 'here' : 'away'}>
            <span class="presence-dot" aria-hidden="true" />
            <span>{m.displayName ?? m.userId}</span>
            <span class="muted"> · {agencyLabel[m.agency]} {m.role !== m.agency ? `(${roleLabel[m.role]})` : ''}</span>
            <span class="visually-hidden">{here.has(m.userId) ? ' — present' : ' — not present'}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
