import type { Connection } from 'mongoose';
import type { CaseEvent, PartnerAgency } from '../contracts/index.js';
import { runEventConsumer, type EventPublisher, type RunningConsumer } from '../kafka/index.js';
import type { Runtime } from '../runtime/index.js';
import type { Logger } from '../log/index.js';
import { indexesBuilt } from '../mongo/index.js';
import { createActions, type Actions } from '../partnership/actions.js';
import { commonAgencyRoutes } from './commonRoutes.js';
import { conferenceFeedHandler } from '../partnership/conferenceFeed.js';
import { createEventStore, type EventStore } from '../eventlog/index.js';
import { createListings, type Listings } from '../partnership/listings.js';
import { createPeople, type People } from '../partnership/people.js';
import { createPersonMatches, type PersonMatches } from '../partnership/personMatches.js';
import { startProjectionRepair } from '../eventlog/index.js';
import { createRecorder, type Recorder } from '../eventlog/index.js';
import { relayOnceStarted, startOutboxRelay, type OutboxRelay } from '../eventlog/index.js';
import type { WithholdPolicy } from '../partnership/research.js';
import { createAuditTrail, type AuditTrail } from '../audit/index.js';

export interface AgencyKitOptions {
  agency: PartnerAgency;
  db: Connection;
  logger: Logger;
  linkSecret: string;
  researchWindowMonths: number;
  /** The agency's read model: applied after each append. Must be idempotent. */
  project: (event: CaseEvent) => Promise<void>;
  withhold?: WithholdPolicy;
  onConferenceEvent?: (event: CaseEvent) => Promise<void>;
  /** CONVENE_AUDIT_ANCHOR_KEY: signs the audit chain's heads published to the anchor topic. */
  auditAnchorKey?: string | undefined;
  /** PEER_REFRESH_MS: how soon listings and people changed through another instance of this agency are seen here. */
  peerRefreshMs?: number;
}

export interface AgencyKit {
  agency: PartnerAgency;
  store: EventStore;
  listings: Listings;
  people: People;
  /** Possible matches between people held here, and staff decisions on them. */
  matches: PersonMatches;
  actions: Actions;
  recorder: Recorder;
  routes: ReturnType<typeof commonAgencyRoutes>;
  /** Who read which person or record, and why: in this agency's own database, anchored outside it. */
  audit: AuditTrail;
  handleConferenceEvent: (event: CaseEvent) => Promise<void>;
  /** Start the outbox relay and the consumer of conference events. */
  start(runtime: Pick<Runtime, 'kafka' | 'publisher' | 'topics'>, options?: { groupId?: string; relayPollMs?: number }): Promise<void>;
  stop(): Promise<void>;
  relay(): OutboxRelay | undefined;
}

/** Everything an agency service shares with the others: its event log and outbox, listings, people, actions. */
export function createAgencyKit(options: AgencyKitOptions): AgencyKit {
  const store = createEventStore(options.db);
  const refresh = options.peerRefreshMs === undefined ? {} : { refreshMs: options.peerRefreshMs };
  const listings = createListings(options.db, refresh);
  const people = createPeople(options.db, options.linkSecret, refresh);
  const matches = createPersonMatches(options.db, people);
  const actions = createActions(options.db);
  const audit = createAuditTrail(options.db, { logger: options.logger, anchorKey: options.auditAnchorKey });
  let relay: OutboxRelay | undefined;
  let repair: { stop(): Promise<void> } | undefined;
  let consumer: RunningConsumer | undefined;
  const nudge = relayOnceStarted(() => relay);
  const recorder = createRecorder({ store, listings, relay: nudge, project: options.project, ...(options.withhold ? { withhold: options.withhold } : {}) });
  const handleConferenceEvent = conferenceFeedHandler({
    agency: options.agency, store, listings, actions, relay: nudge, researchWindowMonths: options.researchWindowMonths, widen: people.widen,
    ...(options.withhold ? { withhold: options.withhold } : {}),
    ...(options.onConferenceEvent ? { onOther: options.onConferenceEvent } : {}),
  });

  return {
    agency: options.agency,
    store,
    listings,
    people,
    matches,
    actions,
    recorder,
    routes: commonAgencyRoutes({ agency: options.agency, people, matches, actions, recorder, listings }),
    audit,
    handleConferenceEvent,
    async start(runtime, startOptions = {}) {
      await indexesBuilt(options.db);
      // People recorded under an earlier normalisation get today's tokens (keeping the old as aliases).
      await people.refreshTokens();
      await matches.repair();
      await recorder.catchUpProjection();
      await audit.start(runtime);
      relay = startOutboxRelay({ queue: store, publisher: runtime.publisher as EventPublisher, logger: options.logger, ...(startOptions.relayPollMs ? { pollMs: startOptions.relayPollMs } : {}) });
      await relay.flush();
      repair = startProjectionRepair(recorder, options.logger);
      consumer = await runEventConsumer({
        kafka: runtime.kafka,
        groupId: startOptions.groupId ?? runtime.topics.group(options.agency),
        topics: [runtime.topics.events.conference],
        dlqTopic: runtime.topics.dlq,
        publisher: runtime.publisher,
        logger: options.logger,
        apply: async (events) => {
          for (const { event } of events) await handleConferenceEvent(event);
        },
      });
    },
    async stop() {
      await consumer?.stop();
      await repair?.stop();
      await relay?.stop();
      await audit.stop();
    },
    relay: () => relay,
  };
}
