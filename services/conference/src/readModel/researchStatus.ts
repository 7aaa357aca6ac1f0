import { PartnerAgency, type ResearchStatus } from '@convene/shared/contracts';
import type { CaseView } from './caseView.js';

/** Where a case's research stands: each agency's first return (its time of recording), and those still awaited. */
export function researchStatus(view: Pick<CaseView, 'timeline'>): ResearchStatus {
  const first = new Map<PartnerAgency, string>();
  let remindedAt: string | null = null;
  for (const entry of view.timeline) {
    if (entry.facts.on === 'research_reminded') remindedAt = entry.recordedAt;
    if (entry.facts.on !== 'research' || entry.agency === 'conference') continue;
    const seen = first.get(entry.agency);
    if (!seen || Date.parse(entry.recordedAt) < Date.parse(seen)) first.set(entry.agency, entry.recordedAt);
  }
  return {
    returned: PartnerAgency.options.filter((a) => first.has(a)).map((agency) => ({ agency, at: first.get(agency)! })),
    awaited: PartnerAgency.options.filter((a) => !first.has(a)),
    remindedAt,
  };
}
