import type { AgencyKit } from '@convene/shared/agency';
import { agencyStatistics } from '@convene/shared/statistics';
import { cpsMeasures } from './measures.js';

export { cpsMeasures, cpsCells } from './measures.js';

/** The CPS service's monthly figures: preview and publication. */
export const cpsStatistics = (kit: AgencyKit) => agencyStatistics(kit, cpsMeasures);
