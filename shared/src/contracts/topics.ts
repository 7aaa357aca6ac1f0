import type { Agency } from './common.js';

/** One topic per publishing agency, plus the dead-letter topic. Part of the contract, so it lives here. */
export const topics = {
  police: 'convene.police.events',
  cps: 'convene.cps.events',
  health: 'convene.health.events',
  advocacy: 'convene.advocacy.events',
  conference: 'convene.conference.events',
} as const satisfies Record<Agency, string>;

export const DLQ_TOPIC = 'convene.dlq';

/** Signed heads of each service's audit chain, so a chain rewritten in its database shows (see shared/src/audit). */
export const AUDIT_ANCHOR_TOPIC = 'convene.audit.anchors';

/**
 * The conference's live meeting pushes, keyed by meeting and read by every conference instance. Only the
 * conference writes and reads it; it keeps a short retention window (LIVE_RETENTION_HOURS).
 */
export const LIVE_TOPIC = 'convene.conference.live';

export const allTopics = [...Object.values(topics), DLQ_TOPIC, AUDIT_ANCHOR_TOPIC, LIVE_TOPIC] as const;

export function topicFor(agency: Agency): string {
  return topics[agency];
}

/** Topic names with a prefix, so each test run (or a shared cluster) can keep its own set. */
export function prefixedTopics(prefix: string) {
  const p = (t: string) => (prefix ? `${prefix}.${t}` : t);
  return {
    events: Object.fromEntries(Object.entries(topics).map(([a, t]) => [a, p(t)])) as Record<Agency, string>,
    dlq: p(DLQ_TOPIC),
    auditAnchors: p(AUDIT_ANCHOR_TOPIC),
    live: p(LIVE_TOPIC),
    /** A service's consumer group, prefixed like its topics so two partitions of one cluster never share offsets. */
    group: (service: string) => p(`convene-${service}`),
  };
}
