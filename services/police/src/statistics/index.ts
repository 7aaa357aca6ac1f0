import type { AgencyKit } from '@convene/shared/agency';
import { agencyStatistics } from '@convene/shared/statistics';
import { policeMeasures } from './measures.js';

export { policeMeasures, policeCells } from './measures.js';

/** The police service's monthly figures: preview and publication. */
export const policeStatistics = (kit: AgencyKit) => agencyStatistics(kit, policeMeasures);
