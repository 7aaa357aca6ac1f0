import type { AgencyKit } from '@convene/shared/agency';
import { agencyStatistics } from '@convene/shared/statistics';
import { advocacyMeasures } from './measures.js';

export { advocacyMeasures, advocacyCells } from './measures.js';

/** The advocacy service's monthly figures: preview and publication. */
export const advocacyStatistics = (kit: AgencyKit) => agencyStatistics(kit, advocacyMeasures);
