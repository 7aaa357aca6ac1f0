import type { AgencyKit } from '@convene/shared/agency';
import type { AdvocacyRecords } from '../db/records.js';

export interface AdvocacyDeps {
  kit: AgencyKit;
  records: AdvocacyRecords;
}
