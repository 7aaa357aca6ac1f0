import type { CaseEvent, EventOfType, ReferredPerson } from '@convene/shared/contracts';
import { deterministicUuid } from '@convene/shared/agency';
import { type Recorder } from '@convene/shared/eventlog';
import type { Logger } from '@convene/shared/log';
import { identifying } from '@convene/shared/sharing';
import type { CaseStore } from '../db/cases.js';
import { formatCaseRef, type createCounters } from '../db/counters.js';
import type { createReferralLog } from '../db/referrals.js';
import type { ChronologyStore } from '../db/chronologies.js';
import { decideHistoryCheck } from '../domain/historyCheck.js';
import type { Areas } from '../domain/areas.js';

export interface CommandDeps {
  cases: CaseStore;
  counters: ReturnType<typeof createCounters>;
  referrals: ReturnType<typeof createReferralLog>;
  chronologies: ChronologyStore;
  recorder: Recorder;
  logger: Logger;
  repeatWindowMonths: number;
  historyCheckExpiryDays: number;
  /** The areas served: a referral's case is listed in the area it names (else the first). */
  areas: Areas;
  /** Writes the opening (or refusal) of a check to the audit log, in the requesting lawyer's name. */
  auditHistoryCheck?: (request: EventOfType<'cps.history.requested.v1'>, outcome: 'allowed' | 'denied') => Promise<void>;
}

type Referral = Extract<CaseEvent, { type: `${string}.referral.made.v1` }>;

// A date-of-birth-and-postcode token is shared by twins at one address: it never decides whose case it is.
const victimTokens = (people: ReferredPerson[]) => identifying(people.filter((p) => p.role === 'victim').flatMap((p) => p.tokens));

/**
 * A referral lists a case for a meeting. It joins an open case that already has this victim (so one
 * victim's situation is one picture), else opens a new case, marked a repeat when a case about these
 * people closed within the repeat window. The listing's event id comes from the referral's, so a
 * redelivered referral lists nothing twice.
 */
export async function listReferral(deps: CommandDeps, referral: Referral): Promise<string> {
  const known = await deps.referrals.caseFor(referral.id);
  if (known) return known;
  const open = await deps.cases.openWithVictimTokens(victimTokens(referral.data.people));
  if (open[0]) {
    deps.logger.info({ caseRef: open[0]._id, eventId: referral.id }, 'referral joins an open case');
    return deps.referrals.claim(referral.id, open[0]._id);
  }
  // A repeat is the same victim again; a new victim of the same suspect is "same suspect, other victims".
  const since = new Date(referral.occurredat);
  since.setUTCMonth(since.getUTCMonth() - deps.repeatWindowMonths);
  const area = deps.areas.placeOf(referral.data.area);
  // Only this area's: another area's case reference is the key to that area's records, never told here.
  const previous = (await deps.cases.closedSinceWithVictimTokens(victimTokens(referral.data.people), since)).find((doc) => deps.areas.placeOf(doc.area) === area);
  if (referral.data.area !== undefined && referral.data.area !== area) {
    deps.logger.warn({ eventId: referral.id, named: referral.data.area, listedIn: area }, 'referral names an area this conference does not serve; listed in the first area');
  }
  const year = new Date(referral.occurredat).getUTCFullYear();
  const caseRef = await deps.referrals.claim(referral.id, formatCaseRef(year, await deps.counters.next(`case:${year}`)));
  await deps.recorder.record({
    type: 'conference.case.listed.v1',
    id: deterministicUuid('conference', 'listing', referral.id),
    // From the referral, not the clock: a replay that lists the referral again records the very same event.
    occurredAt: new Date(referral.occurredat),
    time: referral.time,
    sharing: 'partnership',
    subject: caseRef,
    alwaysPublish: true,
    subjects: referral.data.people.map((p) => ({ role: p.role, tokens: p.tokens })),
    data: {
      caseRef,
      referral: { agency: referral.agency as 'police', referralRef: referral.data.referralRef, criterion: referral.data.criterion, reason: referral.data.reason },
      people: referral.data.people,
      ...(previous ? { repeatOf: previous._id } : {}),
      area,
    },
  });
  return caseRef;
}

/**
 * A CPS history request becomes a history check: the suspects' tokens, and the victims of the CPS case file they
 * are named in, go to every agency, and a chronology visible to the requesting lawyer alone is opened until it
 * expires. A request the conference cannot accept (no URN, no suspect, a case it does not hold about them) opens
 * nothing: the refusal is kept, with its reason, for the lawyer to read where the chronology would have been.
 */
export async function openHistoryCheck(deps: CommandDeps, request: EventOfType<'cps.history.requested.v1'>): Promise<void> {
  const d = request.data;
  const stored = await deps.chronologies.get(d.requestRef);
  const named = d.caseRef && !stored ? await deps.cases.get(d.caseRef) : undefined;
  const decision = decideHistoryCheck(request, { stored, namedCase: named ? { suspectTokens: named.subjectTokens.suspect ?? [] } : undefined }, deps.historyCheckExpiryDays);
  if (decision.kind === 'kept') return;
  if (decision.kind === 'refused') {
    deps.logger.warn({ requestRef: d.requestRef, code: decision.refusal.code }, 'history request refused; no check opened');
    if (await deps.chronologies.open({ ...decision.terms, tokens: [], state: 'refused', refusal: decision.refusal })) await deps.auditHistoryCheck?.(request, 'denied');
    return;
  }
  if (await deps.chronologies.open({ ...decision.terms, tokens: decision.tokens, state: 'open' })) await deps.auditHistoryCheck?.(request, 'allowed');
  for (const opened of decision.events) {
    await deps.recorder.record({
      ...opened,
      id: deterministicUuid('conference', 'history', d.requestRef),
      occurredAt: new Date(),
      sharing: 'partnership',
      alwaysPublish: true,
      subjects: [{ role: 'suspect', tokens: decision.tokens.slice(0, 8) }],
    });
  }
}
