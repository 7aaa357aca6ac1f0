import type { TimelineEntry } from './timeline.js';
import type { CaseView as ViewerCaseView, SharedCaseView, SharedTimelineEntry } from '@convene/shared/contracts';

/** An entry as a person reads it: the people it names by role only, never by link token. */
export function sharedEntry({ subjects: _tokens, facts, ...entry }: TimelineEntry): SharedTimelineEntry {
  return { ...entry, facts: facts.on === 'listing' ? { ...facts, people: facts.people.map(withoutTokens) } : facts };
}

function withoutTokens<P extends { tokens: string[] }>({ tokens: _own, ...person }: P): Omit<P, 'tokens'> {
  return person;
}

/** The viewer's copy as it leaves the conference (HTTP, sockets): no link tokens anywhere in it. */
export function sharedView({ subjectTokens: _tokens, people, timeline, ...view }: ViewerCaseView): SharedCaseView {
  return { ...view, people: people.map(withoutTokens), timeline: timeline.map(sharedEntry) };
}
