import type { ChronologyEntry } from '../db/chronologies.js';
import { agencyName, chronologyReport, lawfulBasisLabel, officerLabel, windowLabel, withheldLine, type CheckRecord } from './report.js';

/** Spreadsheets run a cell that starts like a formula; a leading apostrophe makes it plain text. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One RFC 4180 field: formula-neutralised, then quoted when it holds a comma, quote or line break. */
export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const row = (cells: string[]) => cells.map(csvField).join(',');

/**
 * A history check as CSV: heading rows (purpose, requester, lawful basis, URN, the refusal if refused, when
 * generated, expiry, who answered, what was withheld), a blank row, then one row per entry in time order. CRLF line ends, as RFC 4180 has it.
 */
export function toCsv(check: CheckRecord, entries: ChronologyEntry[], generatedAt: Date): string {
  const report = chronologyReport(check, entries, generatedAt);
  const lines = [
    row(['Purpose', report.purpose]),
    row(['Requested by', report.requester]),
    row(['Lawful basis', lawfulBasisLabel(report.lawfulBasis)]),
    row(['CPS case file (URN)', report.urn ?? 'not given']),
    ...(report.refusal ? [row(['Refused', report.refusal.reason])] : []),
    row(['Generated', report.generatedAt]),
    row(['Expires', report.expiresAt]),
    row(['Looked back', windowLabel(report.windowMonths)]),
    row(['Officer in the case', officerLabel(report.officerInCase)]),
    row(['Agencies answered', report.answeredBy.map(agencyName).join('; ') || 'none yet']),
    row(['Withheld', report.withheld.map(withheldLine).join('; ') || 'nothing']),
    '',
    row(['Occurred at', 'Agency', 'Record', 'Material', 'Summary', 'Sharing']),
    ...report.entries.map((e) => row([e.occurredAt, agencyName(e.agency), e.record, e.material, e.summary, e.sharing])),
  ];
  return `${lines.join('\r\n')}\r\n`;
}
