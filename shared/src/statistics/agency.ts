import type { CaseEvent, EventType, PartnerAgency } from '../contracts/index.js';
import type { AgencyKit } from '../agency/index.js';
import type { EventStore, Recorder } from '../eventlog/index.js';
import type { Logger } from '../log/index.js';
import { addMonths, monthWindow, previousMonth, within, type Month, type MonthWindow } from './months.js';
import { suppressionRule, type RawCell, type StatisticCell } from './suppression.js';
import {
  latestPublished, publishedReleases, publishSnapshot, revisionOf, type PublishOutcome, type PublishedRevision, type StatisticsEventType, type StatisticsSnapshot,
} from './revision.js';
import { AUDIT_HORIZON_MONTHS, decideRelease } from './release.js';
import { inTurn } from '../eventlog/index.js';
import { startStatisticsSchedule } from './schedule.js';
import { statisticsSettings, type StatisticsSettings } from './config.js';

const DAY_MS = 86_400_000;

/** What an agency counts, from its own records (all of them, agency-only ones included). */
export interface AgencyMeasures {
  /** The record types the measures read; nothing else is loaded. */
  types: readonly EventType[];
  /** Records this many days either side of the month are read too (e.g. a DASH shortly after an incident). */
  lookbackDays?: number;
  lookaheadDays?: number;
  /** Pure: the figures of a window (a month, a quarter, a year), before suppression, in a fixed order. */
  cells(records: readonly CaseEvent[], window: MonthWindow): RawCell[];
  /** Measures counted as things stood at a window's end rather than summed over it: not given for periods. */
  stocks?: readonly string[];
}

export interface StatisticsPreview {
  month: Month;
  suppressionThreshold: number;
  suppressionRule: string;
  cells: StatisticCell[];
  /** At a quarter's end: the quarter's and the year's figures, audited against every other release. */
  periods: NonNullable<StatisticsSnapshot['periods']>;
  /** Records of the measured types that happened in the month: none means there is nothing to publish automatically. */
  recordsInMonth: number;
  /** The latest figures published for the month, if any, and whether they are these. */
  published: (PublishedRevision & { current: boolean }) | null;
}

export interface AgencyStatistics {
  agency: PartnerAgency;
  preview(month: Month): Promise<StatisticsPreview>;
  publish(month: Month): Promise<PublishOutcome & { preview: StatisticsPreview }>;
  /** The scheduled run: the previous month, if it has any records. */
  publishDue(): Promise<void>;
}

/** A release's records: its year, and the releases within the audit's reach either side (their figures are counted again). */
async function loadRecords(store: EventStore, measures: AgencyMeasures, month: Month): Promise<CaseEvent[]> {
  const from = new Date(monthWindow(addMonths(month, -(AUDIT_HORIZON_MONTHS + 11))).from.getTime() - (measures.lookbackDays ?? 0) * DAY_MS);
  const to = new Date(monthWindow(addMonths(month, AUDIT_HORIZON_MONTHS)).to.getTime() + (measures.lookaheadDays ?? 0) * DAY_MS);
  return store.ofTypes(measures.types, from, to);
}

/** Monthly de-identified figures from an agency's own event log, and their publication. */
export function agencyStatistics(
  kit: Pick<AgencyKit, 'agency' | 'store'> & { recorder: Pick<Recorder, 'record'> },
  measures: AgencyMeasures,
  options: { settings?: StatisticsSettings; now?: () => Date; logger?: Logger } = {},
): AgencyStatistics {
  const settings = options.settings ?? statisticsSettings();
  const now = options.now ?? (() => new Date());
  const threshold = settings.STATISTICS_SUPPRESSION_THRESHOLD;
  const type = `${kit.agency}.statistics.published.v1` as StatisticsEventType;

  async function preview(month: Month): Promise<StatisticsPreview> {
    const window = monthWindow(month);
    const records = await loadRecords(kit.store, measures, month);
    const { cells, periods } = decideRelease({
      month, threshold, rawOf: (w) => measures.cells(records, w), published: await publishedReleases(kit.store, type), ...(measures.stocks ? { stocks: measures.stocks } : {}),
      periods: settings.STATISTICS_PERIODS,
    });
    const snapshot = { month, suppressionThreshold: threshold, cells, periods: periods ?? [] };
    const latest = await latestPublished(kit.store, type, month);
    return {
      ...snapshot,
      suppressionRule: suppressionRule(threshold),
      recordsInMonth: records.filter((r) => within(r.occurredat, window)).length,
      published: latest ? { ...latest, current: latest.revision === revisionOf(snapshot) } : null,
    };
  }

  const oneRelease = inTurn();
  const publish = (month: Month) => oneRelease(async () => {
    const p = await preview(month);
    const outcome = await publishSnapshot({
      agency: kit.agency, store: kit.store, recorder: kit.recorder, now: now(),
      snapshot: { month, suppressionThreshold: p.suppressionThreshold, cells: p.cells, periods: p.periods },
    });
    return { ...outcome, preview: { ...p, published: { eventId: outcome.eventId, revision: outcome.revision, publishedAt: outcome.publishedAt, current: true } } };
  });

  async function publishDue() {
    const month = previousMonth(now());
    const p = await preview(month);
    if (p.recordsInMonth === 0 || p.published?.current) return;
    const outcome = await publish(month);
    options.logger?.info({ month, eventId: outcome.eventId, status: outcome.status }, 'monthly statistics published');
  }

  return { agency: kit.agency, preview, publish, publishDue };
}

/**
 * The kit, with the monthly publication started and stopped alongside its relay and consumer: the
 * previous month at start-up, then again on a timer (daily by default) so late records reach the figures.
 */
export function withStatisticsSchedule(kit: AgencyKit, measures: AgencyMeasures, logger: Logger, settings: StatisticsSettings = statisticsSettings()): AgencyKit {
  const statistics = agencyStatistics(kit, measures, { settings, logger });
  let schedule: ReturnType<typeof startStatisticsSchedule> | undefined;
  return {
    ...kit,
    async start(runtime, options) {
      await kit.start(runtime, options);
      if (settings.STATISTICS_AUTO_PUBLISH) {
        schedule = startStatisticsSchedule({ publishDue: statistics.publishDue, everyMs: settings.STATISTICS_PUBLISH_EVERY_MINUTES * 60_000, logger });
      }
    },
    async stop() {
      await schedule?.stop();
      await kit.stop();
    },
  };
}
