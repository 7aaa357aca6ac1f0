import type { AgencyKit } from '@convene/shared/agency';
import type { CpsRecords } from '../db/records.js';

export interface CpsDeps {
  kit: AgencyKit;
  records: CpsRecords;
}
