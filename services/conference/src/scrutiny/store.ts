import { Schema, type Connection } from 'mongoose';
import { Agency, type CaseEvent, type StatisticsPeriod as StatisticsPeriodSchema } from '@convene/shared/contracts';
import { modelOf } from '@convene/shared/mongo';
import type { z } from 'zod';
import type { StatisticCell, StatisticsSnapshot } from '@convene/shared/statistics';

type StatisticsPeriod = z.infer<typeof StatisticsPeriodSchema>;

/** The latest figures one agency (or the conference) published for one month. */
export interface PublishedFigures extends StatisticsSnapshot {
  agency: Agency;
  eventId: string;
  publishedAt: string;
}

/**
 * Cells are kept as their JSON text: FerretDB may drop nulls and empty arrays from upserted documents,
 * and a suppressed cell's value is null.
 */
export interface FiguresDoc {
  _id: string;
  agency: string;
  month: string;
  eventId: string;
  publishedAt: Date;
  suppressionThreshold: number;
  cellsJson: string;
  /** The quarter's and the year's figures, for a release at a quarter's end; absent before periods were published. */
  periodsJson?: string;
}

const figuresSchema = new Schema<FiguresDoc>({
  _id: { type: String, required: true },
  agency: { type: String, required: true },
  month: { type: String, required: true },
  eventId: { type: String, required: true },
  publishedAt: { type: Date, required: true },
  suppressionThreshold: { type: Number, required: true },
  cellsJson: { type: String, required: true },
  periodsJson: { type: String },
}, { versionKey: false, collection: 'scrutiny_figures' });
figuresSchema.index({ month: 1 });

const isStatistics = (e: CaseEvent): e is Extract<CaseEvent, { type: `${string}.statistics.published.v1` }> => e.type.endsWith('.statistics.published.v1');

export function createScrutinyStore(db: Connection) {
  const model = modelOf(db, 'ScrutinyFigures', figuresSchema);

  /**
   * Keep the latest publication per agency and month, by publication time: a redelivered or older revision
   * matches no document newer than itself, its upsert collides on the id, and nothing changes.
   */
  async function apply(events: readonly CaseEvent[]): Promise<void> {
    for (const event of events) {
      if (!isStatistics(event)) continue;
      const _id = `${event.agency}:${event.data.month}`;
      const publishedAt = new Date(event.time);
      try {
        await model.updateOne({ _id, publishedAt: { $lt: publishedAt } }, {
          $set: {
            agency: event.agency, month: event.data.month, eventId: event.id, publishedAt,
            suppressionThreshold: event.data.suppressionThreshold, cellsJson: JSON.stringify(event.data.cells),
            periodsJson: JSON.stringify(event.data.periods ?? []),
          },
        }, { upsert: true });
      } catch (err) {
        if ((err as { code?: number }).code !== 11000) throw err;
      }
    }
  }

  /** Every agency's latest figures for the months from `from` to `to`, both included. */
  async function between(from: string, to: string): Promise<PublishedFigures[]> {
    const docs = await model.find({ month: { $gte: from, $lte: to } }).lean<FiguresDoc[]>();
    return docs.map((d) => ({
      agency: Agency.parse(d.agency), month: d.month, eventId: d.eventId, publishedAt: d.publishedAt.toISOString(),
      suppressionThreshold: d.suppressionThreshold, cells: JSON.parse(d.cellsJson) as StatisticCell[],
      periods: JSON.parse(d.periodsJson ?? '[]') as StatisticsPeriod[],
    }));
  }

  return { model, apply, between };
}

export type ScrutinyStore = ReturnType<typeof createScrutinyStore>;
