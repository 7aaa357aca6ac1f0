import { z } from 'zod';
import { StatisticCell, StatisticsPeriod } from '../contracts/index.js';
import { defineRoute, type RouteSpec } from '../http/index.js';
import { conflict } from '../errors/index.js';
import type { AgencyStatistics } from './agency.js';
import { Month, monthOf } from './months.js';

const Published = z.object({ eventId: z.uuid(), revision: z.string(), publishedAt: z.string(), current: z.boolean() });

export const StatisticsPreviewView = z.object({
  month: Month,
  suppressionThreshold: z.int(),
  suppressionRule: z.string(),
  cells: z.array(StatisticCell),
  periods: z.array(StatisticsPeriod).describe('At a quarter\'s end: the quarter and the year ending with it'),
  recordsInMonth: z.int(),
  published: Published.nullable(),
});

export const StatisticsPublishedView = z.object({
  status: z.enum(['published', 'unchanged']),
  eventId: z.uuid(),
  revision: z.string(),
  publishedAt: z.string(),
  statistics: StatisticsPreviewView,
});

const MonthParams = z.object({ month: Month });

/** Publishing takes no fields (the figures are counted from the records); an empty body or none at all. */
export const PublishStatisticsInput = z.object({}).strict().meta({ description: 'No fields: the figures are counted from the records' });

function notInFuture(month: string, now: Date): void {
  if (month > monthOf(now)) throw conflict('month_not_started', `${month} has not started: there are no figures for it yet`);
}

/** Preview and publish an agency's monthly de-identified figures. */
export function statisticsRoutes(statistics: AgencyStatistics, now: () => Date = () => new Date()): RouteSpec[] {
  return [
    defineRoute({
      method: 'get', path: '/statistics/:month', operationId: 'previewStatistics', tag: 'statistics', permission: 'statistics.read',
      summary: 'This agency\'s de-identified figures for a calendar month (UTC), as they would be published, with small cells suppressed',
      params: MonthParams, errors: [409],
      success: { status: 200, description: 'The month\'s suppressed figures and what was last published for it', schema: StatisticsPreviewView },
      handler: async ({ params }) => {
        notInFuture(params.month, now());
        return statistics.preview(params.month);
      },
    }),
    defineRoute({
      method: 'post', path: '/statistics/:month/publish', operationId: 'publishStatistics', tag: 'statistics', permission: 'statistics.publish',
      summary: `Publish the month's figures as ${statistics.agency}.statistics.published.v1; a no-op when the latest published figures are the same`,
      params: MonthParams, body: PublishStatisticsInput, errors: [409],
      success: { status: 200, description: 'Published, or unchanged since the last publication', schema: StatisticsPublishedView },
      handler: async ({ params }) => {
        notInFuture(params.month, now());
        const { preview, ...outcome } = await statistics.publish(params.month);
        return { ...outcome, statistics: preview };
      },
    }),
  ];
}
