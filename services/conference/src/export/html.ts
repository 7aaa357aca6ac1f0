import type { ChronologyEntry } from '../db/chronologies.js';
import { agencyName, chronologyReport, lawfulBasisLabel, officerLabel, windowLabel, withheldLine, type CheckRecord } from './report.js';
import { readableTime } from './pdf.js';

const MARKING = 'OFFICIAL-SENSITIVE';

/** Text for an HTML element or a quoted attribute: nothing an agency wrote can become markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A history check as one self-contained HTML page, for the lawyer's file and for screen readers: a language,
 * a title, one heading per part, the facts as a description list, and the chronology as a table with a
 * caption and header cells scoped to their columns. No script, no external style or font; the protective
 * marking opens and closes the page and is printed on every page.
 */
export function toHtml(check: CheckRecord, entries: ChronologyEntry[], generatedAt: Date): string {
  const report = chronologyReport(check, entries, generatedAt);
  const e = escapeHtml;
  const facts: [string, string][] = [
    ['Purpose', report.purpose],
    ['Requested by', report.requester],
    ['Lawful basis', lawfulBasisLabel(report.lawfulBasis)],
    ['CPS case file (URN)', report.urn ?? 'not given'],
    ...(report.refusal ? [['Refused', `${report.refusal.reason} No agency was asked.`] as [string, string]] : []),
    ['Officer in the case', officerLabel(report.officerInCase)],
    ['Looked back', windowLabel(report.windowMonths)],
    ['Agencies answered', report.answeredBy.map(agencyName).join(', ') || 'none yet'],
    ['Generated', readableTime(report.generatedAt)],
    ['Expires', readableTime(report.expiresAt)],
  ];
  const rows = report.entries.map((x) => `<tr><td>${e(readableTime(x.occurredAt))}</td><td>${e(agencyName(x.agency))}</td><td>${e(x.record)}</td><td>${e(x.material)}</td><td>${e(x.summary)}</td><td>${e(x.sharing)}</td></tr>`);
  const table = report.refusal
    ? ''
    : report.entries.length === 0
      ? '<p>No records have been returned yet.</p>'
      : `<table>
<caption>Course of conduct, in the order it happened (${report.entries.length} ${report.entries.length === 1 ? 'record' : 'records'})</caption>
<thead><tr><th scope="col">Occurred at</th><th scope="col">Agency</th><th scope="col">Record</th><th scope="col">Material</th><th scope="col">Summary</th><th scope="col">Sharing</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`;
  return officialPage(`History check ${e(report.requestRef)}`, `<h1>History check ${e(report.requestRef)}</h1>
<h2>Request</h2>
<dl>
${facts.map(([k, v]) => `<dt>${e(k)}</dt><dd>${e(v)}</dd>`).join('\n')}
</dl>
<h2>Withheld</h2>
${report.withheld.length === 0 ? '<p>Nothing was withheld.</p>' : `<ul>\n${report.withheld.map((w) => `<li>${e(withheldLine(w))}</li>`).join('\n')}\n</ul>`}
<h2>Chronology</h2>
${table || '<p>The check was refused; no agency was asked.</p>'}
`);
}

/**
 * A self-contained page for a document leaving the conference: a language, a title, the protective marking at the
 * top and bottom, no script and nothing fetched. `title` and `main` are HTML already escaped.
 */
export function officialPage(title: string, main: string): string {
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} — ${MARKING}</title>
<style>
body { font-family: Arial, Helvetica, sans-serif; line-height: 1.5; margin: 2rem; color: #0b0c0c; }
.marking { font-weight: bold; border: 2px solid #0b0c0c; padding: .25rem .5rem; display: inline-block; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
dt { font-weight: bold; }
table { border-collapse: collapse; width: 100%; margin-bottom: 1rem; }
caption { text-align: left; font-weight: bold; padding: .5rem 0; }
th, td { border: 1px solid #505a5f; padding: .35rem .5rem; text-align: left; vertical-align: top; }
</style>
</head>
<body>
<p class="marking">${MARKING}</p>
<main>
${main}</main>
<p class="marking">${MARKING}</p>
</body>
</html>
`;
}
