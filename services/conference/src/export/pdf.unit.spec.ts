import { describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import { readableTime, toPdf } from './pdf.js';
import { sampleCheck, sampleEntry } from '../../../../tests/fixtures/chronology.js';

const generatedAt = new Date('2026-03-02T12:30:00.000Z');

async function pdfText(pdf: Buffer) {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const { totalPages, text } = await extractText(doc, { mergePages: false });
  return { totalPages, pages: text };
}

describe('toPdf', () => {
  it('makes a PDF that names the requester, the purpose, expiry, who answered, what was withheld and each entry', async () => {
    const pdf = await toPdf(sampleCheck(), [sampleEntry(2), sampleEntry(1, { summary: 'Incident 1: following, approaching' })], generatedAt);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { totalPages, pages } = await pdfText(pdf);
    expect(totalPages).toBe(1);
    const text = pages.join('\n');
    expect(text).toContain('CPS history check');
    expect(text).toContain('Alex Morgan (cps-lawyer-7)');
    expect(text).toContain('Charging decision');
    expect(text).toContain('Lawful basis: Charging decision');
    expect(text).toContain('CPS case file (URN): 42AB1234526');
    expect(text).toContain('2026-03-29 09:00 UTC');
    expect(text).toContain('2026-03-02 12:30 UTC');
    expect(text).toMatch(/Police: 2 intelligence records withheld \(live\s+investigation\)/);
    expect(text).toContain('OFFICIAL-SENSITIVE');
    expect(text.indexOf('Incident 1')).toBeLessThan(text.indexOf('Incident 2'));
  });

  it('wraps long summaries and runs onto new pages, each with the protective marking', async () => {
    const long = 'Repeated unwanted contact at the victim\'s workplace and home, reported by a colleague and by a neighbour. '.repeat(6);
    const entries = Array.from({ length: 40 }, (_, n) => sampleEntry(n, { summary: `Entry ${n}. ${long}` }));
    const { totalPages, pages } = await pdfText(await toPdf(sampleCheck(), entries, generatedAt));
    expect(totalPages).toBeGreaterThan(2);
    for (const page of pages) {
      expect(page).toContain('OFFICIAL-SENSITIVE');
      expect(page).toContain('Occurred at');
    }
    expect(pages.at(-1)).toContain(`Page ${totalPages} of ${totalPages}`);
    for (let n = 0; n < 40; n++) expect(pages.join('\n')).toContain(`Entry ${n}.`);
  });

  it('says so when nothing has been returned, and survives text the standard fonts cannot show', async () => {
    const empty = await pdfText(await toPdf(sampleCheck({ answeredBy: [], withheld: [] }), [], generatedAt));
    expect(empty.pages.join('\n')).toContain('No records have been returned yet.');
    const odd = await toPdf(sampleCheck(), [sampleEntry(1, { summary: 'Texts with 🙂 and 漢字, from Siobhán' })], generatedAt);
    expect(odd.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('says why a refused check was refused, and that no agency was asked', async () => {
    const refused = sampleCheck({ state: 'refused', refusal: { code: 'case_not_about_suspect', reason: 'CNV-1999-999999 is not a conference case about this suspect.' }, answeredBy: [], withheld: [] });
    const text = (await pdfText(await toPdf(refused, [], generatedAt))).pages.join('\n');
    expect(text).toContain('Refused: CNV-1999-999999 is not a conference case about this suspect.');
    expect(text).toContain('The check was refused: no agency was asked.');
    expect(text).not.toContain('No records have been returned yet.');
  });

  it('is the same bytes for the same input', async () => {
    const a = await toPdf(sampleCheck(), [sampleEntry(1)], generatedAt);
    const b = await toPdf(sampleCheck(), [sampleEntry(1)], generatedAt);
    expect(a.equals(b)).toBe(true);
  });
});

describe('readableTime', () => {
  it('shows minutes in UTC', () => {
    expect(readableTime('2026-05-01T14:03:59.000Z')).toBe('2026-05-01 14:03 UTC');
  });
});
