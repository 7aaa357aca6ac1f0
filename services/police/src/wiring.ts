import type { Connection } from 'mongoose';
import { createAgencyKit } from '@convene/shared/agency';
import type { Logger } from '@convene/shared/log';
import { withStatisticsSchedule } from '@convene/shared/statistics';
import type { Config } from './config.js';
import { policeMeasures } from './statistics/index.js';
import { createPoliceRecords } from './db/records.js';

/** The police service's parts, built on one database connection. */
export function createPoliceService(db: Connection, config: Config, logger: Logger) {
  const records = createPoliceRecords(db);
  const kit = withStatisticsSchedule(createAgencyKit({
    agency: 'police', db, logger, linkSecret: config.CONVENE_LINK_SECRET, researchWindowMonths: config.RESEARCH_WINDOW_MONTHS, peerRefreshMs: config.PEER_REFRESH_MS,
    project: records.project, auditAnchorKey: config.CONVENE_AUDIT_ANCHOR_KEY,
  }), policeMeasures, logger);
  return { kit, records };
}
