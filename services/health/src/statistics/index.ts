import type { AgencyKit } from '@convene/shared/agency';
import { agencyStatistics } from '@convene/shared/statistics';
import { healthMeasures } from './measures.js';

export { healthMeasures, healthCells } from './measures.js';

/** The health service's monthly figures: preview and publication. */
export const healthStatistics = (kit: AgencyKit) => agencyStatistics(kit, healthMeasures);
