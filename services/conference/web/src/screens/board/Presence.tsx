import type { MeetingView, PresentUser } from '../../api/types';
import { agencyLabel, roleLabel } from '../../ui/labels';

/** Who is in the meeting now, beside who was invited. */
export function Presence({ present, meeting }: { present: PresentUser[]; meeting: MeetingView }) {
  const here = new Set(present.map((p) => p.userId));
  const invited = [{ userId: meeting.chair.userId, displayName: meeting.chair.displayName, agency: 'conference' as const, role: 'chair' as const }, ...meeting.members];
  return (
    <section class="panel presence" aria-labelledby="presence-heading">
      <h2 id="presence-heading">Who is here <span class="count">({present.length} of {invited.length})</span></h2>
      <ul>
        {invited.map((m) => (
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
