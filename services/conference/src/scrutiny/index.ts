import type { Connection } from 'mongoose';
import type { EventStore, Recorder } from '@convene/shared/eventlog';
import type { Logger } from '@convene/shared/log';
import { startStatisticsSchedule, statisticsSettings, type StatisticsSchedule, type StatisticsSettings } from '@convene/shared/statistics';
import type { CaseStore } from '../db/cases.js';
import type { MeetingStore } from '../db/meetings.js';
import { createScrutinyStore } from './store.js';
import { conferenceStatistics } from './statistics.js';
import { buildFigures, type ScrutinyFigures } from './figures.js';

export { createScrutinyStore, type ScrutinyStore, type PublishedFigures } from './store.js';
export { buildFigures, SCRUTINY_AGENCIES, type ScrutinyFigures, type MonthFigures, type AgencyMonth, type DerivedFigure } from './figures.js';
export { conferenceCells } from './measures.js';
export { figuresCsv } from './csv.js';
export { figuresPdf } from './pdf.js';
export { MEASURES, labelOf } from './catalogue.js';

export interface ScrutinyDeps {
  db: Connection;
  cases: CaseStore;
  meetings: MeetingStore;
  outbox: EventStore;
  recorder: Pick<Recorder, 'record'>;
  logger: Logger;
  settings?: StatisticsSettings;
  now?: () => Date;
}

/** Partnership scrutiny: every agency's latest monthly figures, the conference's own, and their publication. */
export function createScrutiny(deps: ScrutinyDeps) {
  const settings = deps.settings ?? statisticsSettings();
  const now = deps.now ?? (() => new Date());
  const store = createScrutinyStore(deps.db);
  const statistics = conferenceStatistics({ ...deps, settings, now });
  let schedule: StatisticsSchedule | undefined;
  return {
    store,
    statistics,
    async figures(from: string, to: string): Promise<ScrutinyFigures> {
      return buildFigures(await store.between(from, to), from, to, now(), settings.STATISTICS_SUPPRESSION_THRESHOLD);
    },
    /** Publish the conference's own figures at start-up and then on a timer (daily by default). */
    startSchedule(): void {
      if (!settings.STATISTICS_AUTO_PUBLISH || schedule) return;
      schedule = startStatisticsSchedule({ publishDue: statistics.publishDue, everyMs: settings.STATISTICS_PUBLISH_EVERY_MINUTES * 60_000, logger: deps.logger });
    },
    async stopSchedule(): Promise<void> {
      await schedule?.stop();
      schedule = undefined;
    },
  };
}

export type Scrutiny = ReturnType<typeof createScrutiny>;
