import type { Behaviour, OffenceClass } from '@convene/shared/contracts';
import type { CaseView } from '../caseView.js';
import { ids } from './conduct.js';
import type { Signal } from './types.js';

const fixation: ReadonlySet<Behaviour> = new Set([
  'following', 'loitering_home', 'loitering_work', 'approaching', 'tracking', 'gifts', 'contacting_third_parties',
]);
const harassmentClasses: ReadonlySet<OffenceClass> = new Set(['pha_s2', 'malicious_communications', 'other']);
const stalkingClasses: ReadonlySet<OffenceClass> = new Set(['pha_s2a', 'pha_s4a']);

/**
 * Possible stalking recorded as harassment: at least two incidents with fixation behaviours recorded under
 * s2, malicious communications or "other", not since reclassified as stalking. A reclassification names a
 * crime reference that need not be an incident reference, so any reclassification to s2A/s4A covers the
 * incidents that happened before it.
 */
export function harassmentMayBeStalking(view: CaseView, now: Date): Signal[] {
  const past = view.timeline.filter((e) => Date.parse(e.occurredAt) <= now.getTime());
  const reclassifiedAt = Math.max(-Infinity, ...past
    .filter((e) => e.kind === 'classification' && e.offenceClass && stalkingClasses.has(e.offenceClass))
    .map((e) => Date.parse(e.occurredAt)));
  const incidents = past.filter((e) =>
    e.kind === 'incident' && e.offenceClass !== undefined && harassmentClasses.has(e.offenceClass)
    && (e.behaviours ?? []).some((b) => fixation.has(b))
    && Date.parse(e.occurredAt) > reclassifiedAt);
  if (incidents.length < 2) return [];
  return [{
    id: 'harassment_may_be_stalking',
    kind: 'harassment_may_be_stalking',
    severity: 'warning',
    title: 'Possible stalking recorded as harassment',
    explanation: `${incidents.length} incidents with fixation behaviours are recorded as harassment or communications offences, not stalking.`,
    eventIds: ids(incidents),
  }];
}
