import type { CaseEvent } from '../contracts/index.js';

/**
 * The partition key keeps one case's events in order: the case reference where there is one, else the
 * primary subject's link token (victim first), else the event id.
 */
export function partitionKeyOf(event: Pick<CaseEvent, 'subject' | 'subjects' | 'id'>): string {
  if (event.subject) return event.subject;
  const primary = event.subjects.find((s) => s.role === 'victim') ?? event.subjects[0];
  return primary?.tokens[0] ?? event.id;
}
