import { agencyLabel, words } from '@convene/shared/contracts';
import { escapeHtml as e, officialPage } from '../export/html.js';
import { readableTime } from '../export/pdf.js';
import type { Attendee, Minutes } from './minutes.js';


export const attendeeLine = (a: Attendee) => `${a.name} (${a.agency === 'conference' ? 'chair' : `${agencyLabel[a.agency as keyof typeof agencyLabel] ?? a.agency}, ${words(a.role)}`})`;
export const when = (iso: string | null) => (iso ? readableTime(iso) : 'not recorded');

/**
 * The minutes as one self-contained HTML page, for members' files and screen readers: headings per case, the
 * attendance as lists, decisions and actions as captioned tables with scoped headers; no script, nothing
 * fetched, the protective marking at the top and bottom.
 */
export function minutesHtml(m: Minutes): string {
  const list = (people: Attendee[]) => (people.length === 0 ? '<p>None.</p>' : `<ul>\n${people.map((p) => `<li>${e(attendeeLine(p))}</li>`).join('\n')}\n</ul>`);
  const attendance = m.attendance
    ? `<h3>Present</h3>\n${list(m.attendance.present)}\n<h3>Apologies</h3>\n${list(m.attendance.apologies)}\n<h3>Invited, not recorded as present</h3>\n${list(m.attendance.absent)}`
    : '<p>The chair has not recorded attendance.</p>';
  const cases = m.cases.map((c) => {
    const decisions = c.decisions.length === 0 ? '<p>No risk decision was recorded in this meeting.</p>' : `<table>
<caption>Risk decisions for ${e(c.caseRef)}</caption>
<thead><tr><th scope="col">Recorded</th><th scope="col">Risk</th><th scope="col">Rationale</th><th scope="col">Next review</th></tr></thead>
<tbody>
${c.decisions.map((d) => `<tr><td>${e(readableTime(d.at))}</td><td>${e(d.grade)}</td><td>${e(d.rationale ?? 'not kept')}</td><td>${e(d.nextReviewOn)}</td></tr>`).join('\n')}
</tbody>
</table>`;
    const actions = c.actions.length === 0 ? '<p>No action was agreed in this meeting.</p>' : `<table>
<caption>Actions agreed for ${e(c.caseRef)}</caption>
<thead><tr><th scope="col">Action</th><th scope="col">Owner</th><th scope="col">Due</th><th scope="col">Now</th></tr></thead>
<tbody>
${c.actions.map((a) => `<tr><td>${e(a.description)}</td><td>${e(agencyLabel[a.owner as keyof typeof agencyLabel] ?? a.owner)}</td><td>${e(a.dueOn)}</td><td>${e(words(a.status))}</td></tr>`).join('\n')}
</tbody>
</table>`;
    return `<h2>Case ${e(c.caseRef)}</h2>\n${decisions}\n${actions}`;
  });
  return officialPage(`Minutes: ${e(m.title)}`, `<h1>Minutes: ${e(m.title)}</h1>
<dl>
<dt>Chair</dt><dd>${e(m.chair)}</dd>
<dt>Scheduled for</dt><dd>${e(when(m.scheduledFor))}</dd>
<dt>Started</dt><dd>${e(when(m.startedAt))}</dd>
<dt>Ended</dt><dd>${e(m.endedAt ? readableTime(m.endedAt) : 'still running')}</dd>
<dt>Cases discussed</dt><dd>${e(m.cases.map((c) => c.caseRef).join(', ') || 'none')}</dd>
<dt>Generated</dt><dd>${e(readableTime(m.generatedAt))}</dd>
</dl>
<h2>Attendance</h2>
${attendance}
${cases.join('\n')}
`);
}
