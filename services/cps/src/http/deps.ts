import type { AgencyKit } from '@convene/shared/agency';
import type { CpsRecords } from '../db/records.js';

export interface CpsDeps {
  kit: AgencyKit;
  records: CpsRecords;
  /** The partnership's longest history window (HISTORY_WINDOW_MAX_MONTHS). */
  historyWindowMaxMonths: number;
}
