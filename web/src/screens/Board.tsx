import { useEffect, useRef, useState } from 'preact/hooks';
import { conference } from '../api/conference';
import type { ConcernCategory, MeetingPush, MeetingView, PartnerAgency, TimelineEntry } from '../api/types';
import { useMeetingLive } from '../live/useMeetingLive';
import { Link } from '../router';
import { session } from '../session';
import { when } from '../ui/format';
import { useSubmit } from '../ui/form';
import { ErrorBox, Loading } from '../ui/states';
import { useAsync } from '../ui/useAsync';
import { Agenda } from './board/Agenda';
import { Alerts, type Alert } from './board/Alerts';
import { ChairControls } from './board/ChairControls';
import { AssignActionForm, ReviewForm } from './board/Decisions';
import { LiveBanner } from './board/LiveBanner';
import { Minutes } from './board/Minutes';
import { Presence } from './board/Presence';
import { CaseView } from './case/CaseView';

const CASE_PUSHES = new Set<MeetingPush['kind']>(['timeline.entry', 'case.updated', 'action.changed', 'alert']);

/** The live meeting: agenda, who is here, alerts, the case under discussion, and the chair's controls. */
export function Board({ meetingId }: { meetingId: string }) {
  const loaded = useAsync(() => conference.meeting(meetingId), [meetingId]);
  const [meeting, setMeeting] = useState<MeetingView | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [refresh, setRefresh] = useState<Record<string, number>>({});
  const [fresh, setFresh] = useState<Set<string>>(new Set());
  const [alerts, setAlerts] = useState<Alert[]>([]);
  const [focus, setFocus] = useState<string[]>([]);
  const chairing = useSubmit<MeetingView>();
  const pending = useRef(new Map<string, ReturnType<typeof setTimeout>>());

  useEffect(() => {
    if (loaded.state !== 'ready') return;
    setMeeting(loaded.data);
    setSelected((s) => s ?? loaded.data.agenda[loaded.data.position ?? 0] ?? null);
  }, [loaded.state, loaded.data]);

  /** Several pushes about one case arrive together: refetch its view once, shortly after the last. */
  const refreshCase = (caseRef: string) => {
    clearTimeout(pending.current.get(caseRef));
    pending.current.set(caseRef, setTimeout(() => setRefresh((r) => ({ ...r, [caseRef]: (r[caseRef] ?? 0) + 1 })), 150));
  };

  const onPush = (push: MeetingPush) => {
    if (push.kind === 'meeting.state' || push.kind === 'agenda.moved') {
      const p = push.payload as Partial<MeetingView> & { position?: number | null };
      setMeeting((m) => (m ? { ...m, ...p } : m));
      const moved = p.position !== undefined && p.position !== null ? (p.agenda ?? meeting?.agenda)?.[p.position] : undefined;
      if (moved) setSelected(moved);
      return;
    }
    if (push.kind === 'timeline.entry') {
      const entry = (push.payload as { entry?: TimelineEntry }).entry;
      if (entry) setFresh((f) => new Set(f).add(entry.eventId));
    }
    if (push.kind === 'alert') {
      const p = push.payload as { alert?: string; category?: ConcernCategory; severity?: string; eventId?: string; description?: string; owner?: PartnerAgency; dueOn?: string };
      const overdue = p.alert === 'action_overdue' ? { description: p.description ?? '', owner: p.owner, dueOn: p.dueOn ?? '' } : undefined;
      setAlerts((a) => [{ seq: push.seq, caseRef: push.caseRef, at: push.at, category: p.category, severity: p.severity, eventId: p.eventId, ...(overdue ? { overdue } : {}) }, ...a]);
    }
    if (push.caseRef && CASE_PUSHES.has(push.kind)) refreshCase(push.caseRef);
  };

  const onRejoined = () => {
    loaded.reload();
    if (selected) refreshCase(selected);
  };

  const live = useMeetingLive(loaded.state === 'ready' ? meetingId : null, onPush, onRejoined);

  if (loaded.state === 'loading' && !meeting) return <Loading what="the meeting" />;
  if (loaded.state === 'error' && !meeting) {
    return (
      <section>
        <p class="breadcrumb"><Link href="/meetings">Meetings</Link></p>
        <h1>Meeting</h1>
        <ErrorBox error={loaded.error} retry={loaded.reload} title="Could not open this meeting" />
      </section>
    );
  }
  if (!meeting) return <Loading what="the meeting" />;

  const me = session.current()?.principal;
  const isChair = me?.role === 'chair' && me.sub === meeting.chair.userId;
  const act = (run: () => Promise<MeetingView>) => void chairing.submit(run).then((m) => m && setMeeting(m));
  const current = meeting.status === 'running' && meeting.position !== null ? meeting.agenda[meeting.position] : undefined;

  return (
    <section class="board">
      <p class="breadcrumb"><Link href="/meetings">Meetings</Link> › {meeting.title}</p>
      <div class="board-head">
        <div>
          <h1>{meeting.title}</h1>
          <p class="muted">{when(meeting.scheduledFor)} · chaired by {meeting.chair.displayName ?? meeting.chair.userId} · {meeting.status === 'running' ? `in progress${current ? `, discussing ${current}` : ''}` : meeting.status}</p>
        </div>
        <LiveBanner live={live} />
      </div>
      {isChair && <ChairControls meeting={meeting} busy={chairing.busy} onStart={() => act(() => conference.start(meetingId))} onEnd={() => act(() => conference.end(meetingId))} />}
      {chairing.error ? <ErrorBox error={chairing.error} title="The meeting did not change" /> : null}
      <Alerts alerts={alerts} onDismiss={(seq) => setAlerts((a) => a.filter((x) => x.seq !== seq))}
        onShow={(a) => { if (a.caseRef) setSelected(a.caseRef); setFocus(a.eventId ? [a.eventId] : []); }} />
      <div class="board-grid">
        <aside class="board-side" aria-label="Meeting">
          <Agenda meeting={meeting} selected={selected} onSelect={(c) => { setSelected(c); setFocus([]); }} busy={chairing.busy}
            refreshKey={Object.values(refresh).reduce((a, b) => a + b, 0)}
            onMove={isChair && meeting.status === 'running' ? (i) => act(() => conference.move(meetingId, i)) : undefined} />
          <Presence present={live.present} meeting={meeting} />
          <Minutes key={meeting.meetingId} meeting={meeting} isChair={isChair} onRecorded={(m) => setMeeting(m)} />
        </aside>
        <div class="board-main">
          {selected ? (
            <>
              <CaseView caseRef={selected} refreshKey={refresh[selected] ?? 0} fresh={fresh} focus={focus} canDecide={isChair && meeting.status !== 'ended'} />
              {isChair && meeting.status !== 'ended' && (
                <section class="decisions" aria-label={`Decisions for ${selected}`}>
                  <ReviewForm caseRef={selected} meetingId={meetingId} onRecorded={() => refreshCase(selected)} />
                  <AssignActionForm caseRef={selected} meetingId={meetingId} onRecorded={() => refreshCase(selected)} />
                </section>
              )}
            </>
          ) : <p class="state empty">Choose a case on the agenda to see its joined-up view.</p>}
        </div>
      </div>
    </section>
  );
}
