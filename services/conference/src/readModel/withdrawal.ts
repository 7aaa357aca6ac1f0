import { identifying } from '@convene/shared/sharing';
import type { Log } from './caseView.js';
import type { TimelineEntry } from './timeline.js';

const victimTokensOf = (entry: TimelineEntry) => identifying((entry.subjects ?? []).filter((s) => s.role === 'victim').flatMap((s) => s.tokens));

/** Consent records themselves stay: they are how the meeting knows the victim withdrew. */
const isConsentRecord = (entry: TimelineEntry) => entry.facts.on === 'consent' || entry.facts.on === 'consent_revoked';

/**
 * A victim who revokes consent takes back what advocacy shared about them: every advocacy record about that
 * victim recorded up to the revocation leaves the timeline (its id stays applied, so a redelivery or a late
 * research return cannot bring it back), and the revocation entry says how many were withdrawn and when.
 * Judged on the whole log after each batch, so a record that arrives after its revocation is withdrawn too.
 */
export function withdrawRevoked(log: Log): Log {
  const revocations = log.timeline.filter((e) => e.facts.on === 'consent_revoked');
  if (revocations.length === 0) return log;
  const withdrawnBy = new Map<string, number>();
  const kept = log.timeline.filter((entry) => {
    if (entry.agency !== 'advocacy' || isConsentRecord(entry)) return true;
    const victims = victimTokensOf(entry);
    const revocation = revocations.find((r) => Date.parse(entry.recordedAt) <= Date.parse(r.recordedAt)
      && victimTokensOf(r).some((t) => victims.includes(t)));
    if (!revocation) return true;
    withdrawnBy.set(revocation.eventId, (withdrawnBy.get(revocation.eventId) ?? 0) + 1);
    return false;
  });
  if (withdrawnBy.size === 0) return log;
  const timeline = kept.map((entry) => {
    const count = withdrawnBy.get(entry.eventId);
    if (count === undefined || entry.facts.on !== 'consent_revoked') return entry;
    const withdrawn = (entry.facts.withdrawn ?? 0) + count;
    return {
      ...entry,
      summary: `Withdrawn: consent revoked on ${entry.facts.revokedOn} (${withdrawn} advocacy record${withdrawn === 1 ? '' : 's'} taken back)`,
      facts: { ...entry.facts, withdrawn },
    };
  });
  return { ...log, timeline };
}
