import { z } from 'zod';
import { defineRoute, type RouteSpec } from '@convene/shared/http';
import type { Principal } from '@convene/shared/auth';
import { ChronologyReport } from '@convene/shared/contracts';
import { DomainError, notFound } from '@convene/shared/errors';
import type { Chronology } from '../db/chronologies.js';
import { chronologyReport, isExpired } from '../export/report.js';
import { toCsv } from '../export/csv.js';
import { toPdf } from '../export/pdf.js';
import { toHtml } from '../export/html.js';
import { attachment } from './attachment.js';
import type { ConferenceDeps } from './deps.js';

const CheckParams = z.object({ requestRef: z.uuid() });

type Action = 'chronology.read' | 'chronology.export.csv' | 'chronology.export.pdf' | 'chronology.export.html';

/**
 * CPS history-check chronologies: readable by the lawyer who asked and nobody else (to anyone else a check is
 * not found), until the check expires. A refused check reads the same way, with the reason. Every look —
 * allowed or not — goes in the audit log.
 */
export function historyCheckRoutes(deps: ConferenceDeps): RouteSpec[] {
  const { chronologies, audit } = deps;
  const now = () => deps.now?.() ?? new Date();

  /** The check, if this principal may see it now; a refusal is audited before it is thrown. */
  async function readableCheck(requestRef: string, principal: Principal, action: Action): Promise<Chronology> {
    const check = await chronologies.get(requestRef);
    if (!check) throw notFound('history check', requestRef);
    const denied = async (err: DomainError) => {
      await audit(principal, { action, purpose: { kind: 'history_request', ref: requestRef }, requestRef, outcome: 'denied' });
      return err;
    };
    // Someone else's check is answered exactly as one that does not exist, so references cannot be probed.
    if (principal.role !== 'cps' || principal.sub !== check.requestedBy.userId) throw await denied(notFound('history check', requestRef));
    if (isExpired(check, now())) {
      throw await denied(new DomainError('expired', `history check ${requestRef} expired at ${check.expiresAt}`, { status: 410 }));
    }
    await audit(principal, { action, purpose: { kind: 'history_request', ref: requestRef }, requestRef });
    return check;
  }

  return [
    defineRoute({
      method: 'get', path: '/history-checks/:requestRef', operationId: 'getHistoryCheck', tag: 'history', permission: 'history.read',
      summary: 'The chronology of a CPS history check, for the lawyer who asked for it', params: CheckParams, errors: [404, 410],
      success: { status: 200, description: 'Who asked and why, who answered, the entries in time order and what was withheld', schema: ChronologyReport },
      handler: async ({ params, principal, res }) => {
        const check = await readableCheck(params.requestRef, principal, 'chronology.read');
        res.setHeader('Cache-Control', 'no-store');
        return chronologyReport(check, await chronologies.entriesOf(params.requestRef), now());
      },
    }),
    defineRoute({
      method: 'get', path: '/history-checks/:requestRef/export.csv', operationId: 'exportHistoryCheckCsv', tag: 'history', permission: 'history.read',
      summary: 'The chronology of a CPS history check as CSV', params: CheckParams, errors: [404, 410],
      success: { status: 200, description: 'Heading rows, a blank row, then one row per entry (RFC 4180)', schema: z.string().meta({ description: 'UTF-8 CSV' }), contentType: 'text/csv' },
      handler: async ({ params, principal, res }) => {
        const check = await readableCheck(params.requestRef, principal, 'chronology.export.csv');
        const csv = toCsv(check, await chronologies.entriesOf(params.requestRef), now());
        attachment(res, `history-check-${params.requestRef}.csv`);
        return csv;
      },
    }),
    defineRoute({
      method: 'get', path: '/history-checks/:requestRef/export.pdf', operationId: 'exportHistoryCheckPdf', tag: 'history', permission: 'history.read',
      summary: 'The chronology of a CPS history check as a PDF marked OFFICIAL-SENSITIVE', params: CheckParams, errors: [404, 410],
      success: { status: 200, description: 'A PDF document', schema: z.string().meta({ format: 'binary', description: 'A PDF document' }), contentType: 'application/pdf' },
      handler: async ({ params, principal, res }) => {
        const check = await readableCheck(params.requestRef, principal, 'chronology.export.pdf');
        const pdf = await toPdf(check, await chronologies.entriesOf(params.requestRef), now());
        attachment(res, `history-check-${params.requestRef}.pdf`);
        return pdf;
      },
    }),
    defineRoute({
      method: 'get', path: '/history-checks/:requestRef/export.html', operationId: 'exportHistoryCheckHtml', tag: 'history', permission: 'history.read',
      summary: 'The chronology of a CPS history check as one accessible HTML page marked OFFICIAL-SENSITIVE (no script, nothing fetched)', params: CheckParams, errors: [404, 410],
      success: { status: 200, description: 'A self-contained HTML page: the request as a description list, the chronology as a captioned table', schema: z.string().meta({ description: 'UTF-8 HTML' }), contentType: 'text/html' },
      handler: async ({ params, principal, res }) => {
        const check = await readableCheck(params.requestRef, principal, 'chronology.export.html');
        const html = toHtml(check, await chronologies.entriesOf(params.requestRef), now());
        attachment(res, `history-check-${params.requestRef}.html`);
        return html;
      },
    }),
  ];
}
