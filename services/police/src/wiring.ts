import type { Connection } from 'mongoose';
import { createAgencyKit } from '@convene/shared/agency';
import type { Logger } from '@convene/shared/log';
import type { Config } from './config.js';
import { createPoliceRecords } from './db/records.js';

/** The police service's parts, built on one database connection. */
export function createPoliceService(db: Connection, config: Config, logger: Logger) {
  const records = createPoliceRecords(db);
  const kit = createAgencyKit({
    agency: 'police', db, logger, linkSecret: config.CONVENE_LINK_SECRET, researchWindowMonths: config.RESEARCH_WINDOW_MONTHS,
    project: records.project,
  });
  return { kit, records };
}
