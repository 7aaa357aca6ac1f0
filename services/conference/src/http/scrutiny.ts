import { z } from 'zod';
import { defineRoute, type RouteSpec } from '@convene/shared/http';
import { conflict } from '@convene/shared/errors';
import type { Principal } from '@convene/shared/auth';
import { ScrutinyFigures } from '@convene/shared/contracts';
import { addMonths, Month, monthOf, PublishStatisticsInput, StatisticsPreviewView, StatisticsPublishedView } from '@convene/shared/statistics';
import { figuresCsv, figuresPdf, type Scrutiny } from '../scrutiny/index.js';
import { scrutinyPurpose, type AuditRecorder } from '../domain/auditing.js';
import { attachment } from './attachment.js';

export interface ScrutinyRouteDeps {
  scrutiny: Scrutiny;
  /** Every read of the figures goes in the audit log, with the months it was for. */
  audit: AuditRecorder;
  now?: () => Date;
}

const MAX_MONTHS = 36;

const DEFAULT_MONTHS = 12;

// A period is its last month and how many months it spans: each parameter is valid on its own, so the document
// states every rule (a first and a last month would need a rule between them that JSON Schema cannot state).
const Period = z.object({
  to: Month.optional().describe('The last month of the period (included); by default this month'),
  months: z.coerce.number().int().min(1).max(MAX_MONTHS).optional().describe(`How many months the period spans, ending with \`to\`; by default ${DEFAULT_MONTHS}`),
});

/** Scrutiny reads only de-identified monthly figures, never a case. */
export function scrutinyRoutes({ scrutiny, audit, now = () => new Date() }: ScrutinyRouteDeps): RouteSpec[] {
  // Default: the twelve months up to and including this one.
  const period = (q: z.infer<typeof Period>) => {
    const to = q.to ?? monthOf(now());
    return { from: addMonths(to, -((q.months ?? DEFAULT_MONTHS) - 1)), to };
  };
  const figures = async (q: z.infer<typeof Period>, principal: Principal, action: string) => {
    const { from, to } = period(q);
    await audit(principal, { action, purpose: scrutinyPurpose(from, to) });
    return scrutiny.figures(from, to);
  };
  const notInFuture = (month: string) => {
    if (month > monthOf(now())) throw conflict('month_not_started', `${month} has not started: there are no figures for it yet`);
  };
  return [
    defineRoute({
      method: 'get', path: '/scrutiny/figures', operationId: 'getScrutinyFigures', tag: 'scrutiny', permission: 'scrutiny.read',
      summary: 'Each agency\'s latest figures (small cells suppressed) and the derived ratios, per month, per quarter and per year ending each quarter', query: Period,
      success: { status: 200, description: 'Per month, quarter and year: each agency\'s cells, or not published; SPO applications per stalking offence; declined DASH rate', schema: ScrutinyFigures },
      handler: async ({ query, principal }) => figures(query, principal, 'scrutiny.figures.read'),
    }),
    defineRoute({
      method: 'get', path: '/scrutiny/figures.csv', operationId: 'exportScrutinyFiguresCsv', tag: 'scrutiny', permission: 'scrutiny.read',
      summary: 'The figures as CSV, headed with the period, time generated and the suppression rule', query: Period,
      success: { status: 200, description: 'Heading rows, a blank row, then one row per figure (RFC 4180)', schema: z.string().meta({ description: 'UTF-8 CSV' }), contentType: 'text/csv' },
      handler: async ({ query, principal, res }) => {
        const f = await figures(query, principal, 'scrutiny.figures.export.csv');
        attachment(res, `scrutiny-${f.from}-to-${f.to}.csv`);
        return figuresCsv(f);
      },
    }),
    defineRoute({
      method: 'get', path: '/scrutiny/figures.pdf', operationId: 'exportScrutinyFiguresPdf', tag: 'scrutiny', permission: 'scrutiny.read',
      summary: 'The figures as a PDF, headed with the period, time generated and the suppression rule', query: Period,
      success: { status: 200, description: 'A PDF document', schema: z.string().meta({ format: 'binary', description: 'A PDF document' }), contentType: 'application/pdf' },
      handler: async ({ query, principal, res }) => {
        const f = await figures(query, principal, 'scrutiny.figures.export.pdf');
        attachment(res, `scrutiny-${f.from}-to-${f.to}.pdf`);
        return figuresPdf(f);
      },
    }),
    defineRoute({
      method: 'get', path: '/scrutiny/statistics/:month', operationId: 'previewConferenceStatistics', tag: 'scrutiny', permission: 'scrutiny.read',
      summary: 'The conference\'s own figures for a month as they would be published now', params: z.object({ month: Month }), errors: [409],
      success: { status: 200, description: 'The month\'s suppressed figures and what was last published for it', schema: StatisticsPreviewView },
      handler: async ({ params, principal }) => {
        notInFuture(params.month);
        await audit(principal, { action: 'scrutiny.statistics.read', purpose: scrutinyPurpose(params.month, params.month) });
        return scrutiny.statistics.preview(params.month);
      },
    }),
    defineRoute({
      method: 'post', path: '/scrutiny/statistics/:month/publish', operationId: 'publishConferenceStatistics', tag: 'scrutiny', permission: 'scrutiny.publish',
      summary: 'Publish the conference\'s own figures for a month (conference.statistics.published.v1); a no-op when unchanged',
      params: z.object({ month: Month }), body: PublishStatisticsInput, errors: [409],
      success: { status: 200, description: 'Published, or unchanged since the last publication', schema: StatisticsPublishedView },
      handler: async ({ params, principal }) => {
        notInFuture(params.month);
        const { preview, ...outcome } = await scrutiny.statistics.publish(params.month);
        await audit(principal, { action: 'scrutiny.statistics.publish', purpose: scrutinyPurpose(params.month, params.month) });
        return { ...outcome, statistics: preview };
      },
    }),
  ];
}
