import type { CaseEvent, PartnerAgency } from '../contracts/index.js';
import type { Actions } from './actions.js';
import type { EventStore, StoredEvent } from '../eventlog/index.js';
import type { Listings } from './listings.js';
import { MAX_TOKENS_PER_PERSON } from './people.js';
import type { OutboxRelay } from '../eventlog/index.js';
import { caseSubjectsOf, type CaseSubjects } from '../sharing/index.js';
import { buildResearchReturns, windowStart, type WithholdPolicy } from './research.js';

export interface ConferenceFeedDeps {
  agency: PartnerAgency;
  store: EventStore;
  listings: Listings;
  actions: Actions;
  relay: Pick<OutboxRelay, 'nudge'>;
  researchWindowMonths: number;
  withhold?: WithholdPolicy;
  /** Tokens plus those of the people here they are confirmed aliases of (people.widen); default: as given. */
  widen?: (tokens: readonly string[]) => Promise<string[]>;
  /** Agency-specific handling of other conference events (e.g. health's disclosure requests). */
  onOther?: (event: CaseEvent) => Promise<void>;
  now?: () => Date;
}

/**
 * What an agency does with the conference's events: remember listings and answer them with a research
 * return, stop streaming when a case closes, answer CPS history checks, record actions assigned to it.
 * Every step is idempotent, because the same event may arrive twice.
 */
export function conferenceFeedHandler(deps: ConferenceFeedDeps): (event: CaseEvent) => Promise<void> {
  const now = deps.now ?? (() => new Date());

  const widenTokens = deps.widen ?? (async (tokens: readonly string[]) => [...tokens]);

  /**
   * A person confirmed as one with another held here is looked for, and shared, under both people's tokens:
   * records written before the match carry only one. Only tokens are added; nothing else about them leaves.
   */
  async function withAliases(found: StoredEvent[]): Promise<StoredEvent[]> {
    const known = new Map<string, Promise<string[]>>();
    const widen = (tokens: string[]) => {
      const key = tokens.join(' ');
      if (!known.has(key)) known.set(key, widenTokens(tokens));
      return known.get(key)!;
    };
    return Promise.all(found.map(async (record) => {
      // The record's own tokens first, so the bus's limit per subject never drops one of them.
      const subjects = await Promise.all(record.event.subjects.map(async (s) => ({ ...s, tokens: (await widen(s.tokens)).slice(0, MAX_TOKENS_PER_PERSON) })));
      const same = subjects.every((s, i) => s.tokens.length === record.event.subjects[i]!.tokens.length);
      return same ? record : { ...record, event: { ...record.event, subjects } as CaseEvent };
    }));
  }

  async function answer(purpose: Parameters<typeof buildResearchReturns>[0]['purpose'], listed: CaseSubjects, windowMonths = deps.researchWindowMonths) {
    const at = now();
    const windowFrom = windowStart(at, windowMonths);
    const subjects = { victimTokens: await widenTokens(listed.victimTokens), otherTokens: await widenTokens(listed.otherTokens) };
    const records = await withAliases(await deps.store.aboutPeople([...subjects.victimTokens, ...subjects.otherTokens], windowFrom));
    const ownCase = purpose.kind === 'listing' ? purpose.caseRef : undefined;
    // Another victim's listed case is named in the outline, so the chair can ask that case's meeting.
    const otherCaseOf = async (record: CaseEvent) => {
      const listing = await deps.listings.openFor(record.subjects.filter((s) => s.role === 'victim'));
      return listing && listing._id !== ownCase ? listing._id : undefined;
    };
    const returns = await buildResearchReturns({
      agency: deps.agency, purpose, subjects, records, windowFrom, now: at, otherCaseOf, ...(deps.withhold ? { withhold: deps.withhold } : {}),
    });
    // Into the outbox like any other event: the relay publishes it, even across a crash.
    for (const r of returns) await deps.store.insertIfAbsent(r, { publish: true, project: false });
    deps.relay.nudge();
  }

  return async (event) => {
    switch (event.type) {
      case 'conference.case.listed.v1': {
        await deps.listings.open(event.data.caseRef, event.data.people, new Date(event.occurredat));
        await answer({ kind: 'listing', caseRef: event.data.caseRef }, caseSubjectsOf(event.data.people));
        return;
      }
      case 'conference.case.closed.v1':
        await deps.listings.close(event.data.caseRef, new Date(event.occurredat));
        return;
      case 'conference.history_check.opened.v1':
        // The check is about the suspect of one CPS case: that case's victims' records join it, others are outlined.
        // As far back as the lawyer asked (within the partnership's agreement, checked at CPS), else the usual window.
        await answer({ kind: 'history_check', requestRef: event.data.requestRef }, {
          victimTokens: event.data.victimTokens,
          otherTokens: event.data.suspectTokens,
        }, event.data.windowMonths);
        return;
      case 'conference.action.assigned.v1':
        if (event.data.agency === deps.agency) await deps.actions.recordAssigned(event);
        return;
      case 'conference.research.reminded.v1': {
        // Answer a listing still open here; an answer already given is not given twice (its ids come from the purpose).
        if (!event.data.agencies.includes(deps.agency)) return;
        const listing = await deps.listings.byRef(event.data.caseRef);
        if (listing?.open) await answer({ kind: 'listing', caseRef: event.data.caseRef }, { victimTokens: listing.victimTokens, otherTokens: listing.tokens.filter((t) => !listing.victimTokens.includes(t)) });
        return;
      }
      case 'conference.action.updated.v1':
        // Only cancellation concerns the agency holding it (an action it does not hold changes nothing).
        if (event.data.status === 'cancelled') await deps.actions.recordCancelled(event.data.actionId, event.data.note, new Date(event.occurredat));
        return;
      default:
        await deps.onOther?.(event);
    }
  };
}
