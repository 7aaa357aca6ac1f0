import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from './csv.js';
import { sampleCheck, sampleEntry } from '../../../../tests/fixtures/chronology.js';

const generatedAt = new Date('2026-03-02T12:30:00.000Z');

/** A small RFC 4180 reader, so the tests check what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; } else field += c;
  }
  return rows;
}

describe('csvField', () => {
  it('leaves plain text alone and quotes commas, quotes and line breaks', () => {
    expect(csvField('plain text')).toBe('plain text');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('he said "stop"')).toBe('"he said ""stop"""');
    expect(csvField('line one\nline two')).toBe('"line one\nline two"');
    expect(csvField('cr\r\nlf')).toBe('"cr\r\nlf"');
    expect(csvField('')).toBe('');
  });

  it('neutralises cells a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvField('+44 113 000')).toBe("'+44 113 000");
    expect(csvField('-1+2')).toBe("'-1+2");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\t=1')).toBe("'\t=1");
    expect(csvField('a=b')).toBe('a=b');
  });
});

describe('toCsv', () => {
  it('starts with the heading rows, a blank row and the table header, then entries in time order', () => {
    const csv = toCsv(sampleCheck(), [sampleEntry(3), sampleEntry(1)], generatedAt);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(csv);
    expect(rows.slice(0, 12)).toEqual([
      ['Purpose', 'Charging decision'],
      ['Requested by', 'Alex Morgan (cps-lawyer-7)'],
      ['Lawful basis', 'Charging decision'],
      ['CPS case file (URN)', '42AB1234526'],
      ['Generated', '2026-03-02T12:30:00.000Z'],
      ['Expires', '2026-03-29T09:00:00.000Z'],
      ['Looked back', 'each agency\'s usual window (12 months by default)'],
      ['Officer in the case', 'not given'],
      ['Agencies answered', 'Police'],
      ['Withheld', 'Police: 2 intelligence records withheld (live investigation)'],
      [''],
      ['Occurred at', 'Agency', 'Record', 'Material', 'Summary', 'Sharing'],
    ]);
    expect(rows.slice(12)).toEqual([
      ['2026-02-11T10:00:00.000Z', 'Police', 'incident recorded', 'evidence', 'Incident 1: messages', 'partnership'],
      ['2026-02-13T10:00:00.000Z', 'Police', 'incident recorded', 'evidence', 'Incident 3: messages', 'partnership'],
    ]);
  });

  it('adds the request\'s purpose text when the check has it, and the user id alone without a display name', () => {
    const rows = parseCsv(toCsv(sampleCheck({ purpose: 'File review, s2A', requestedBy: { userId: 'cps-9' } }), [], generatedAt));
    expect(rows[0]).toEqual(['Purpose', 'Charging decision: File review, s2A']);
    expect(rows[1]).toEqual(['Requested by', 'cps-9']);
    expect(rows).toHaveLength(12);
  });

  it('says why a refused check was refused, under the URN', () => {
    const refused = sampleCheck({ state: 'refused', refusal: { code: 'case_not_about_suspect', reason: 'CNV-1999-999999 is not a conference case about this suspect.' }, answeredBy: [] });
    const rows = parseCsv(toCsv(refused, [], generatedAt));
    expect(rows.slice(3, 5)).toEqual([['CPS case file (URN)', '42AB1234526'], ['Refused', 'CNV-1999-999999 is not a conference case about this suspect.']]);
    expect(rows).toHaveLength(13);
  });

  it('says how far back the lawyer asked agencies to look', () => {
    const rows = parseCsv(toCsv(sampleCheck({ windowMonths: 36, officerInCase: { name: 'DC Sam Reid', reference: '4471' } }), [], generatedAt));
    expect(rows).toContainEqual(['Looked back', '36 months']);
    expect(rows).toContainEqual(['Officer in the case', 'DC Sam Reid, 4471']);
  });

  it('reads a check stored without its empty lists (FerretDB drops them from an upsert)', () => {
    const { answeredBy: _a, withheld: _w, ...stored } = sampleCheck();
    const rows = parseCsv(toCsv(stored as never, [], generatedAt));
    expect(rows[8]).toEqual(['Agencies answered', 'none yet']);
    expect(rows[9]).toEqual(['Withheld', 'nothing']);
  });

  it('keeps hostile summaries inert and intact', () => {
    const summary = '=cmd|\' /C calc\'!A0, "quoted"\nnext line';
    const csv = toCsv(sampleCheck(), [sampleEntry(1, { summary }), sampleEntry(2, { summary: '@evil' })], generatedAt);
    const rows = parseCsv(csv);
    expect(rows[12]?.[4]).toBe(`'${summary}`);
    expect(rows[13]?.[4]).toBe("'@evil");
    expect(rows.slice(12).every((r) => r.length === 6)).toBe(true);
  });
});
