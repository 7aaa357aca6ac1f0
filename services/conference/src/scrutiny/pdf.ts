import PDFDocument from 'pdfkit';
import { readableTime } from '../export/pdf.js';
import { figureRows, periodOf, reportPeriods, REPORT_TITLE, type FigureRow } from './report.js';
import type { ScrutinyFigures } from './figures.js';

/** De-identified aggregates: OFFICIAL, not OFFICIAL-SENSITIVE like a case chronology. */
const MARKING = 'OFFICIAL';
const MARGIN = 50;
const FOOTER_SPACE = 40;
const CELL_PAD = 3;
const FONT_SIZE = 8.5;

interface Column { title: string; width: number; value: (r: FigureRow) => string }

/** Widths add up to the A4 text width (595 − 2 × 50). */
const COLUMNS: Column[] = [
  { title: 'Agency', width: 70, value: (r) => r.agency },
  { title: 'Figure', width: 300, value: (r) => r.figure },
  { title: 'Value', width: 125, value: (r) => r.value },
];

/**
 * The figures on paper: title, period, when generated and the suppression rule, then one table per month, quarter and year.
 * Every page carries the marking and its number. Same input, same bytes (the creation date is generatedAt).
 */
export function figuresPdf(figures: ScrutinyFigures): Promise<Buffer> {
  const generatedAt = new Date(figures.generatedAt);
  const doc = new PDFDocument({
    size: 'A4', bufferPages: true, margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_SPACE },
    info: { Title: `${REPORT_TITLE} ${periodOf(figures)}`, Subject: MARKING, CreationDate: generatedAt, ModDate: generatedAt },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font('Helvetica-Bold').fontSize(18).text('Partnership scrutiny figures').moveDown(0.5);
  const field = (label: string, value: string) => {
    doc.fontSize(10).font('Helvetica-Bold').text(`${label}: `, { continued: true }).font('Helvetica').text(value).moveDown(0.2);
  };
  field('Period', periodOf(figures));
  field('Generated', readableTime(figures.generatedAt));
  field('Suppression', figures.suppression.rule);

  const rows = figureRows(figures);
  for (const p of reportPeriods(figures)) {
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(12).text(p.label, MARGIN).moveDown(0.3);
    drawTable(doc, rows.filter((r) => r.period === p.label));
  }
  addFooters(doc);
  doc.end();
  return done;
}

function drawTable(doc: PDFKit.PDFDocument, rows: FigureRow[]): void {
  const left = MARGIN;
  const right = left + COLUMNS.reduce((sum, c) => sum + c.width, 0);
  const cellHeight = (text: string, width: number) => doc.heightOfString(text, { width: width - 2 * CELL_PAD }) + 2 * CELL_PAD;
  const drawRow = (cells: string[], y: number, height: number, bold: boolean) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(FONT_SIZE);
    let x = left;
    for (const [i, column] of COLUMNS.entries()) {
      doc.text(cells[i] ?? '', x + CELL_PAD, y + CELL_PAD, { width: column.width - 2 * CELL_PAD, height: height - 2 * CELL_PAD, ellipsis: true, lineBreak: true });
      x += column.width;
    }
    doc.moveTo(left, y + height).lineTo(right, y + height).lineWidth(0.5).strokeColor('#999999').stroke();
  };
  const header = () => {
    doc.font('Helvetica-Bold').fontSize(FONT_SIZE);
    const height = Math.max(...COLUMNS.map((c) => cellHeight(c.title, c.width)));
    const y = doc.y;
    doc.rect(left, y, right - left, height).fillColor('#e6e6e6').fill().fillColor('black');
    drawRow(COLUMNS.map((c) => c.title), y, height, true);
    return y + height;
  };

  if (doc.y + 40 > doc.page.maxY()) doc.addPage();
  let y = header();
  for (const row of rows) {
    const cells = COLUMNS.map((c) => c.value(row));
    doc.font('Helvetica').fontSize(FONT_SIZE);
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

function addFooters(doc: PDFKit.PDFDocument): void {
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
