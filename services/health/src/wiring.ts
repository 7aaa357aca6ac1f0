import type { Connection } from 'mongoose';
import { createAgencyKit, type AgencyKit } from '@convene/shared/agency';
import type { Logger } from '@convene/shared/log';
import { withStatisticsSchedule } from '@convene/shared/statistics';
import type { Config } from './config.js';
import { healthMeasures } from './statistics/index.js';
import { createHealthRecords } from './db/records.js';
import { disclosureRequestHandler } from './events/disclosureRequests.js';

/** The health service's parts, built on one database connection. */
export function createHealthService(db: Connection, config: Config, logger: Logger) {
  const records = createHealthRecords(db);
  // The disclosure handler records through the kit it belongs to; it is only called once the kit is running.
  const kit: AgencyKit = withStatisticsSchedule(createAgencyKit({
    agency: 'health', db, logger, linkSecret: config.CONVENE_LINK_SECRET, researchWindowMonths: config.RESEARCH_WINDOW_MONTHS, peerRefreshMs: config.PEER_REFRESH_MS,
    project: records.project, auditAnchorKey: config.CONVENE_AUDIT_ANCHOR_KEY,
    onConferenceEvent: disclosureRequestHandler(() => kit, records),
  }), healthMeasures, logger);
  return { kit, records };
}
