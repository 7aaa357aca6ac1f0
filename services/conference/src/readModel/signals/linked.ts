import type { CaseView } from '../caseView.js';
import { agencyLabel } from '@convene/shared/contracts';
import { signalCatalogue } from './catalogue.js';
import type { Signal, SignalContext } from './types.js';

const listing = (view: CaseView): string[] => (view.listingEventId ? [view.listingEventId] : []);

/** The same suspect in other cases (matched elsewhere by link token): names only those cases and agencies. */
export function sameSuspectOtherCases(view: CaseView, context: SignalContext = {}): Signal[] {
  const others = (context.otherCasesWithSameSuspect ?? []).filter((c) => c.caseRef !== view.caseRef);
  if (others.length === 0) return [];
  const described = others
    .map((c) => `${c.caseRef}${c.agencies.length ? ` (${c.agencies.map((a) => agencyLabel[a]).join(', ')})` : ''}`)
    .join('; ');
  return [{
    id: 'same_suspect_other_cases',
    kind: 'same_suspect_other_cases',
    severity: 'warning',
    title: signalCatalogue.same_suspect_other_cases.title,
    explanation: `The suspect also appears in ${described}.`,
    eventIds: listing(view),
    otherCases: others,
  }];
}

export function repeatReferral(view: CaseView): Signal[] {
  if (!view.repeatOf) return [];
  return [{
    id: 'repeat_referral',
    kind: 'repeat_referral',
    severity: 'warning',
    title: signalCatalogue.repeat_referral.title,
    explanation: `The victim was on ${view.repeatOf}, closed within the repeat window before this referral.`,
    eventIds: listing(view),
    repeatOf: view.repeatOf,
  }];
}
