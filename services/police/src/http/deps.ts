import type { AgencyKit } from '@convene/shared/agency';
import type { PoliceRecords } from '../db/records.js';

export interface PoliceDeps {
  kit: AgencyKit;
  records: PoliceRecords;
}
