import PDFDocument from 'pdfkit';
import { agencyLabel, words } from '@convene/shared/contracts';
import { addFooters, readableTime } from '../export/pdf.js';
import { attendeeLine, when } from './html.js';
import type { Minutes } from './minutes.js';

const MARGIN = 50;
const FOOTER_SPACE = 40;

/** The minutes on paper, each page marked OFFICIAL-SENSITIVE. Same input, same bytes (the creation date is `generatedAt`). */
export function minutesPdf(m: Minutes): Promise<Buffer> {
  const generatedAt = new Date(m.generatedAt);
  const doc = new PDFDocument({
    size: 'A4', bufferPages: true, margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_SPACE },
    info: { Title: `Minutes: ${m.title}`, Subject: 'OFFICIAL-SENSITIVE', CreationDate: generatedAt, ModDate: generatedAt },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const field = (label: string, value: string) => doc.fontSize(10).font('Helvetica-Bold').text(`${label}: `, { continued: true }).font('Helvetica').text(value).moveDown(0.2);
  const heading = (text: string, size = 12) => doc.moveDown(0.6).font('Helvetica-Bold').fontSize(size).text(text).moveDown(0.2);
  const bullet = (text: string) => doc.font('Helvetica').fontSize(10).text(`•  ${text}`, { indent: 12 });

  doc.font('Helvetica-Bold').fontSize(18).text(`Minutes: ${m.title}`).moveDown(0.5);
  field('Chair', m.chair);
  field('Scheduled for', when(m.scheduledFor));
  field('Started', when(m.startedAt));
  field('Ended', m.endedAt ? readableTime(m.endedAt) : 'still running');
  field('Cases discussed', m.cases.map((c) => c.caseRef).join(', ') || 'none');
  field('Generated', readableTime(m.generatedAt));

  heading('Attendance');
  if (!m.attendance) doc.font('Helvetica').fontSize(10).text('The chair has not recorded attendance.');
  else {
    for (const [label, people] of [['Present', m.attendance.present], ['Apologies', m.attendance.apologies], ['Invited, not recorded as present', m.attendance.absent]] as const) {
      doc.font('Helvetica-Bold').fontSize(10).text(`${label}:`);
      if (people.length === 0) bullet('none');
      for (const p of people) bullet(attendeeLine(p));
    }
  }
  for (const c of m.cases) {
    heading(`Case ${c.caseRef}`);
    doc.font('Helvetica-Bold').fontSize(10).text('Risk decisions:');
    if (c.decisions.length === 0) bullet('none recorded in this meeting');
    for (const d of c.decisions) bullet(`${d.grade} (${readableTime(d.at)}), next review ${d.nextReviewOn}: ${d.rationale ?? 'rationale not kept'}`);
    doc.font('Helvetica-Bold').fontSize(10).text('Actions agreed:');
    if (c.actions.length === 0) bullet('none agreed in this meeting');
    for (const a of c.actions) bullet(`${a.description}: ${agencyLabel[a.owner as keyof typeof agencyLabel] ?? a.owner}, due ${a.dueOn} (now ${words(a.status)})`);
  }
  addFooters(doc);
  doc.end();
  return done;
}
