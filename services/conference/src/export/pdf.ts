import PDFDocument from 'pdfkit';
import type { ChronologyEntry } from '../db/chronologies.js';
import { agencyName, chronologyReport, lawfulBasisLabel, officerLabel, windowLabel, withheldLine, type CheckRecord, type ReportEntry } from './report.js';

const MARKING = 'OFFICIAL-SENSITIVE';
const MARGIN = 50;
const FOOTER_SPACE = 40;
const CELL_PAD = 3;
const TABLE_FONT_SIZE = 8.5;

interface Column { title: string; width: number; value: (e: ReportEntry) => string }

/** Widths add up to the A4 text width (595 − 2 × 50). */
const COLUMNS: Column[] = [
  { title: 'Occurred at', width: 80, value: (e) => readableTime(e.occurredAt) },
  { title: 'Agency', width: 55, value: (e) => agencyName(e.agency) },
  { title: 'Record', width: 80, value: (e) => e.record },
  { title: 'Material', width: 55, value: (e) => e.material },
  { title: 'Summary', width: 165, value: (e) => e.summary },
  { title: 'Sharing', width: 60, value: (e) => e.sharing },
];

/** `2026-05-01T14:03:00.000Z` → `2026-05-01 14:03 UTC`. */
export function readableTime(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return m ? `${m[1]} ${m[2]} UTC` : iso;
}

/**
 * A history check on paper: title, purpose, requester, lawful basis, URN (and the refusal, if refused), when generated and when it expires, who answered and
 * what was withheld, then the chronology as a table that runs over as many pages as it needs. Every page
 * carries the protective marking in its footer. Same input, same bytes (the creation date is `generatedAt`).
 */
export function toPdf(check: CheckRecord, entries: ChronologyEntry[], generatedAt: Date): Promise<Buffer> {
  const report = chronologyReport(check, entries, generatedAt);
  const doc = new PDFDocument({
    size: 'A4', bufferPages: true, margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_SPACE },
    info: { Title: `CPS history check ${report.requestRef}`, Subject: MARKING, CreationDate: generatedAt, ModDate: generatedAt },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font('Helvetica-Bold').fontSize(18).text('CPS history check');
  doc.font('Helvetica').fontSize(9).fillColor('#444444')
    .text(`Request ${report.requestRef}${report.caseRef ? ` · case ${report.caseRef}` : ''}`).fillColor('black').moveDown(0.8);

  const field = (label: string, value: string) => {
    doc.fontSize(10).font('Helvetica-Bold').text(`${label}: `, { continued: true }).font('Helvetica').text(value).moveDown(0.2);
  };
  field('Purpose', report.purpose);
  field('Requested by', report.requester);
  field('Lawful basis', lawfulBasisLabel(report.lawfulBasis));
  field('CPS case file (URN)', report.urn ?? 'not given');
  if (report.refusal) field('Refused', report.refusal.reason);
  field('Generated', readableTime(report.generatedAt));
  field('Expires', readableTime(report.expiresAt));
  field('Looked back', windowLabel(report.windowMonths));
  field('Officer in the case', officerLabel(report.officerInCase));
  field('Agencies answered', report.answeredBy.map(agencyName).join(', ') || 'none yet');
  if (report.withheld.length === 0) field('Withheld', 'nothing');
  else {
    doc.fontSize(10).font('Helvetica-Bold').text('Withheld:').font('Helvetica');
    for (const w of report.withheld) doc.text(`•  ${withheldLine(w)}`, { indent: 12 });
  }

  doc.moveDown(0.8).font('Helvetica-Bold').fontSize(12).text('Chronology').moveDown(0.3);
  if (report.refusal) doc.font('Helvetica').fontSize(10).text('The check was refused: no agency was asked.');
  else if (report.entries.length === 0) doc.font('Helvetica').fontSize(10).text('No records have been returned yet.');
  else drawTable(doc, report.entries);

  addFooters(doc);
  doc.end();
  return done;
}

function drawTable(doc: PDFKit.PDFDocument, entries: ReportEntry[]): void {
  const left = MARGIN;
  const right = left + COLUMNS.reduce((sum, c) => sum + c.width, 0);
  const cellHeight = (text: string, width: number) => doc.heightOfString(text, { width: width - 2 * CELL_PAD }) + 2 * CELL_PAD;

  const drawRow = (cells: string[], y: number, height: number, bold: boolean) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(TABLE_FONT_SIZE);
    let x = left;
    for (const [i, column] of COLUMNS.entries()) {
      // A clipped height and an ellipsis keep an overlong cell on its own page instead of spilling.
      doc.text(cells[i] ?? '', x + CELL_PAD, y + CELL_PAD, { width: column.width - 2 * CELL_PAD, height: height - 2 * CELL_PAD, ellipsis: true, lineBreak: true });
      x += column.width;
    }
    doc.moveTo(left, y + height).lineTo(right, y + height).lineWidth(0.5).strokeColor('#999999').stroke();
  };

  const header = () => {
    doc.font('Helvetica-Bold').fontSize(TABLE_FONT_SIZE);
    const height = Math.max(...COLUMNS.map((c) => cellHeight(c.title, c.width)));
    const y = doc.y;
    doc.rect(left, y, right - left, height).fillColor('#e6e6e6').fill().fillColor('black');
    drawRow(COLUMNS.map((c) => c.title), y, height, true);
    return y + height;
  };

  let y = header();
  for (const entry of entries) {
    const cells = COLUMNS.map((c) => c.value(entry));
    doc.font('Helvetica').fontSize(TABLE_FONT_SIZE);
    const wanted = Math.max(...COLUMNS.map((c, i) => cellHeight(cells[i] ?? '', c.width)));
    if (y + wanted > doc.page.maxY()) {
      doc.addPage();
      y = header();
    }
    const height = Math.min(wanted, doc.page.maxY() - y);
    drawRow(cells, y, height, false);
    y += height;
  }
  doc.x = left;
  doc.y = y;
}

/** The protective marking and the page number on every page of a buffered document. */
export function addFooters(doc: PDFKit.PDFDocument): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing inside the bottom margin must not start a new page
    const y = doc.page.height - MARGIN - 12;
    const width = doc.page.width - 2 * MARGIN;
    doc.font('Helvetica-Bold').fontSize(9).fillColor('black').text(MARKING, MARGIN, y, { width, align: 'center', lineBreak: false });
    doc.font('Helvetica').fontSize(8).fillColor('#444444').text(`Page ${i - start + 1} of ${count}`, MARGIN, y, { width, align: 'right', lineBreak: false });
    doc.fillColor('black');
    doc.page.margins.bottom = bottom;
  }
}
