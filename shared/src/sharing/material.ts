import type { EventType, Material } from '../contracts/index.js';

/**
 * Evidence: a crime recorded, an arrest, bail, an order, its breach, a charging decision or outcome.
 * Intelligence: a risk assessment, a health concern, what the victim told her advocate, a meeting's decisions.
 */
const EVIDENCE: ReadonlySet<string> = new Set<EventType>([
  'police.incident.recorded.v1',
  'police.classification.changed.v1',
  'police.arrest.made.v1',
  'police.bail.set.v1',
  'police.bail.breached.v1',
  'police.spo.applied.v1',
  'police.spo.granted.v1',
  'police.spo.breached.v1',
  'cps.charging.decided.v1',
  'cps.hearing.scheduled.v1',
  'cps.case.outcome.v1',
  'cps.bail.conditions.set.v1',
  'cps.bail.breached.v1',
  'cps.restraining_order.made.v1',
  'cps.restraining_order.breached.v1',
]);

/** Anything not listed as evidence is intelligence: a record kind added later is treated with caution. */
export function materialOf(type: string): Material {
  return EVIDENCE.has(type) ? 'evidence' : 'intelligence';
}
