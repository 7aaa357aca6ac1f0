import type { Connection } from 'mongoose';
import { createAgencyKit } from '@convene/shared/agency';
import { createPeople } from '@convene/shared/partnership';
import type { Logger } from '@convene/shared/log';
import { withStatisticsSchedule } from '@convene/shared/statistics';
import type { Config } from './config.js';
import { advocacyMeasures } from './statistics/index.js';
import { createAdvocacyRecords } from './db/records.js';

/** The advocacy service's parts, built on one database connection. */
export function createAdvocacyService(db: Connection, config: Config, logger: Logger) {
  // The consent register is kept per victim: it finds their local person id from the people collection.
  const people = createPeople(db, config.CONVENE_LINK_SECRET);
  const records = createAdvocacyRecords(db, async (tokens) => {
    const exact = (await people.byTokens(tokens)).filter((p) => p.tokens.length === tokens.length && p.tokens.every((t) => tokens.includes(t)));
    return exact.map((p) => p._id);
  });
  const kit = withStatisticsSchedule(createAgencyKit({
    agency: 'advocacy', db, logger, linkSecret: config.CONVENE_LINK_SECRET, researchWindowMonths: config.RESEARCH_WINDOW_MONTHS, peerRefreshMs: config.PEER_REFRESH_MS,
    project: records.project, auditAnchorKey: config.CONVENE_AUDIT_ANCHOR_KEY,
    // The victim's consent governs sharing: records about a victim without it never stream, and research
    // returns list them as withheld (consent_not_given) without their content.
    withhold: records.consents.withhold,
  }), advocacyMeasures, logger);
  return { kit, records };
}
