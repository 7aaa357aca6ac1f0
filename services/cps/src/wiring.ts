import type { Connection } from 'mongoose';
import { createAgencyKit } from '@convene/shared/agency';
import type { Logger } from '@convene/shared/log';
import type { Config } from './config.js';
import { createCpsRecords } from './db/records.js';

/** The CPS service's parts, built on one database connection. */
export function createCpsService(db: Connection, config: Config, logger: Logger) {
  const records = createCpsRecords(db);
  const kit = createAgencyKit({
    agency: 'cps', db, logger, linkSecret: config.CONVENE_LINK_SECRET, researchWindowMonths: config.RESEARCH_WINDOW_MONTHS,
    project: records.project,
  });
  return { kit, records };
}
