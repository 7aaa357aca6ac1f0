import { useState } from 'preact/hooks';
import { conference } from '../../api/conference';
import { webConfig } from '../../api/config';
import type { CaseSummary, MeetingView } from '../../api/types';
import { navigate } from '../../router';
import { session } from '../../session';
import { ago, localToIso, nowLocal } from '../../ui/format';
import { Choices, Field, FormOutcome, fieldError, inputValue, useSubmit } from '../../ui/form';
import { agencyLabel, roleLabel } from '../../ui/labels';
import { ErrorBox, Loading } from '../../ui/states';
import { useAsync } from '../../ui/useAsync';

async function loadChoices() {
  const config = await webConfig();
  const [cases, people] = await Promise.all([conference.cases(), config.signIn.dev ? conference.devPeople() : Promise.resolve([])]);
  return { cases, people: people.filter((p) => p.role !== 'scrutiny' && p.id !== session.current()?.principal.sub) };
}

/** A listed case as the chair picks it: who holds records, and whose research is still awaited since listing. */
function caseChoice(c: CaseSummary): string {
  const holders = c.agencies.map((a) => agencyLabel[a]).join(', ') || 'no records yet';
  const awaited = c.research.awaited.length === 0 ? 'research from every agency' : `research awaited from ${c.research.awaited.map((a) => agencyLabel[a]).join(', ')}`;
  const reminded = c.research.remindedAt ? `, reminded ${ago(c.research.remindedAt)}` : '';
  return `${c.caseRef} — ${holders} · ${awaited} (listed ${ago(c.listedAt)}${reminded})`;
}

/** The late agencies of each listed case, and a reminder to them: each answers if it has not. */
function LateResearch({ cases }: { cases: CaseSummary[] }) {
  const late = cases.filter((c) => c.status === 'listed' && c.research.awaited.length > 0);
  const reminding = useSubmit<unknown>();
  const [remindedNow, setRemindedNow] = useState<Set<string>>(new Set());
  if (late.length === 0) return null;
  return (
    <div class="late-research">
      <h3>Research still awaited</h3>
      <ul>
        {late.map((c) => (
          <li key={c.caseRef}>
            {c.caseRef}: {c.research.awaited.map((a) => agencyLabel[a]).join(', ')} <span class="muted">(listed {ago(c.listedAt)}{remindedNow.has(c.caseRef) ? ', reminded just now' : c.research.remindedAt ? `, reminded ${ago(c.research.remindedAt)}` : ''})</span>{' '}
            <button type="button" class="secondary small" disabled={reminding.busy} aria-label={`Remind the late agencies on ${c.caseRef}`}
              onClick={async () => { if (await reminding.submit(() => conference.remindResearch(c.caseRef))) setRemindedNow((s) => new Set(s).add(c.caseRef)); }}>Remind</button>
          </li>
        ))}
      </ul>
      <FormOutcome error={reminding.error} success={reminding.result ? 'Reminder sent to the late agencies.' : undefined} />
    </div>
  );
}

/** The chair lists cases for a meeting and invites the agencies' representatives. */
export function ScheduleMeeting({ onScheduled }: { onScheduled: () => void }) {
  const choices = useAsync(loadChoices, []);
  const [title, setTitle] = useState('Stalking clinic');
  const [at, setAt] = useState(nowLocal());
  const [members, setMembers] = useState<string[]>([]);
  const [agenda, setAgenda] = useState<string[]>([]);
  const sending = useSubmit<MeetingView>();

  const submit = async (e: Event) => {
    e.preventDefault();
    if (choices.state !== 'ready') return;
    const people = choices.data.people;
    const meeting = await sending.submit(() => conference.scheduleMeeting({
      title, scheduledFor: localToIso(at), agenda,
      members: people.filter((p) => members.includes(p.id)).map((p) => ({ userId: p.id, displayName: p.displayName, agency: p.agency, role: p.role })),
    }));
    if (meeting) {
      onScheduled();
      navigate(`/meetings/${meeting.meetingId}`);
    }
  };

  return (
    <details class="panel">
      <summary>Schedule a meeting</summary>
      {choices.state === 'loading' && <Loading what="listed cases" />}
      {choices.state === 'error' && <ErrorBox error={choices.error} retry={choices.reload} />}
      {choices.state === 'ready' && <LateResearch cases={choices.data.cases} />}
      {choices.state === 'ready' && (
        <form onSubmit={submit}>
          <Field id="meeting-title" label="Title" error={fieldError(sending.error, 'title')}>
            <input id="meeting-title" value={title} onInput={(e) => setTitle(inputValue(e))} required maxLength={120} />
          </Field>
          <Field id="meeting-at" label="When" error={fieldError(sending.error, 'scheduledFor')}>
            <input id="meeting-at" type="datetime-local" value={at} onInput={(e) => setAt(inputValue(e))} required />
          </Field>
          {choices.data.cases.length === 0
            ? <p class="state empty">No case is listed yet. Cases are listed when an agency refers one.</p>
            : <Choices legend="Agenda (listed cases, in this order)" name="agenda" value={agenda} onChange={setAgenda} error={fieldError(sending.error, 'agenda')}
                options={choices.data.cases.map((c) => ({ value: c.caseRef, label: caseChoice(c) }))} />}
          <Choices legend="Invite" name="members" value={members} onChange={setMembers} error={fieldError(sending.error, 'members')}
            hint="Only invited people can open the meeting and its cases."
            options={choices.data.people.map((p) => ({ value: p.id, label: `${p.displayName} (${roleLabel[p.role]})` }))} />
          <button type="submit" disabled={sending.busy || members.length === 0}>{sending.busy ? 'Scheduling…' : 'Schedule meeting'}</button>
          <FormOutcome error={sending.error} />
        </form>
      )}
    </details>
  );
}
