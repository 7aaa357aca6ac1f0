import type { Kafka } from 'kafkajs';
import type { Connection } from 'mongoose';
import { createEvent, prefixedTopics, type CaseEvent } from '@convene/shared/contracts';
import { createEventPublisher, type EventPublisher } from '@convene/shared/kafka';
import { createEventStore } from '@convene/shared/eventlog';
import { type Log, sleep, waitFor } from './basics.js';
import { call } from './http.js';
import { faultKafka } from './connections.js';

// The load: incidents about people on listed cases, at a bounded rate, by three routes: through the police
// API (recorder → outbox → relay), straight into the police outbox (relay), and straight onto the police topic
// (as the relay would publish them; the volume the outbox cannot carry on FerretDB, see docs/reliability.md).

export interface CaseFixture {
  caseRef: string;
  victim: { personId: string; tokens: string[] };
  suspect: { personId: string; tokens: string[] };
}

export type Outcome = 'pending' | 'acknowledged' | 'unknown' | 'refused';
export type Route = 'api' | 'outbox' | 'bus';

export interface Attempt {
  n: number;
  caseRef: string;
  via: Route;
  /** Unique summary text: how an attempt whose answer was lost is found in the outbox afterwards. */
  tag: string;
  eventId?: string;
  outcome: Outcome;
  detail?: string;
}

export interface LoadOptions {
  total: number;
  ratePerSec: number;
  /** Out of every api+outbox+bus events, how many take each route. */
  routes: Record<Route, number>;
  apiConcurrency: number;
  cases: CaseFixture[];
  runTag: string;
  policeUrl: () => string;
  policeToken: string;
  /** The police database, for writes straight into its outbox (the `events` collection). */
  policeDb: Connection;
  /** A producer onto the police topic (idempotent, acks=all), for the bus route. */
  busPublisher: EventPublisher;
  log: Log;
}

const BEHAVIOURS = ['messages', 'calls', 'social_media', 'following', 'loitering_home', 'gifts'] as const;

export class LoadGenerator {
  readonly attempts: Attempt[] = [];
  released = 0;
  private readonly apiQueue: Attempt[] = [];
  private readonly outboxQueue: { attempt: Attempt; event: CaseEvent }[] = [];
  private readonly busQueue: { attempt: Attempt; event: CaseEvent }[] = [];
  private apiPaused = false;
  private inFlight = 0;
  private stopped = false;
  outboxRetries = 0;
  busRetries = 0;
  apiNetworkErrors = 0;

  constructor(private readonly o: LoadOptions) {}

  get fraction(): number {
    return this.released / this.o.total;
  }

  async waitFraction(fraction: number, timeoutMs: number): Promise<void> {
    await waitFor(`${Math.round(fraction * 100)} % of the load`, async () => this.fraction >= fraction || this.stopped, timeoutMs, 100);
  }

  /** Stop sending through the API and wait for the requests in flight. */
  async pauseApi(timeoutMs = 30_000): Promise<void> {
    this.apiPaused = true;
    await waitFor('API requests in flight to finish', async () => this.inFlight === 0, timeoutMs, 50);
  }

  resumeApi(): void {
    this.apiPaused = false;
  }

  stop(): void {
    this.stopped = true;
  }

  private route(n: number): Route {
    const { api, outbox, bus } = this.o.routes;
    const p = n % (api + outbox + bus);
    return p < api ? 'api' : p < api + outbox ? 'outbox' : 'bus';
  }

  private incident(n: number) {
    return {
      behaviours: [BEHAVIOURS[n % BEHAVIOURS.length]!],
      offenceClass: 'pha_s2' as const,
      summary: `${this.o.runTag} incident ${n}`,
      // Spread over the past year, so timelines are sorted by when things happened, not by arrival.
      occurredAt: new Date(Date.now() - ((n * 7919) % 360) * 86_400_000 - n * 1000).toISOString(),
    };
  }

  private event(n: number, fixture: CaseFixture): CaseEvent {
    const i = this.incident(n);
    return createEvent('police.incident.recorded.v1', {
      occurredAt: i.occurredAt, sharing: 'partnership', subject: fixture.caseRef as never,
      subjects: [{ role: 'victim', tokens: fixture.victim.tokens }, { role: 'suspect', tokens: fixture.suspect.tokens }],
      data: { incidentRef: `INC-FLT-${n}`, behaviours: i.behaviours, offenceClass: i.offenceClass, summary: i.summary },
    });
  }

  private release(n: number): void {
    const fixture = this.o.cases[n % this.o.cases.length]!;
    const via = this.route(n);
    const attempt: Attempt = { n, caseRef: fixture.caseRef, via, tag: this.incident(n).summary, outcome: 'pending' };
    this.attempts.push(attempt);
    if (via === 'api') {
      this.apiQueue.push(attempt);
      return;
    }
    const event = this.event(n, fixture);
    attempt.eventId = event.id;
    if (via === 'bus') {
      this.busQueue.push({ attempt, event });
      return;
    }
    // Through the event log's bulk import: recorded and already projected, so a police restart has nothing to catch up.
    this.outboxQueue.push({ attempt, event });
  }

  private async apiWorker(): Promise<void> {
    while (!this.stopped) {
      const attempt = this.apiPaused ? undefined : this.apiQueue.shift();
      if (!attempt) {
        if (this.released >= this.o.total && this.apiQueue.length === 0) return;
        await sleep(20);
        continue;
      }
      this.inFlight++;
      const fixture = this.o.cases.find((c) => c.caseRef === attempt.caseRef)!;
      const i = this.incident(attempt.n);
      try {
        const res = await call(this.o.policeUrl(), this.o.policeToken, 'POST', '/incidents', {
          subjects: [{ personId: fixture.victim.personId, role: 'victim' }, { personId: fixture.suspect.personId, role: 'suspect' }],
          occurredAt: i.occurredAt, behaviours: i.behaviours, offenceClass: i.offenceClass, summary: i.summary,
        });
        if (res.status === 201) {
          attempt.outcome = 'acknowledged';
          attempt.eventId = res.body.eventId;
          if (res.body.published !== true || res.body.caseRef !== fixture.caseRef) attempt.detail = `201 but published=${res.body.published} caseRef=${res.body.caseRef}`;
        } else if (res.status >= 500) {
          attempt.outcome = 'unknown';
          attempt.detail = `HTTP ${res.status}`;
        } else {
          attempt.outcome = 'refused';
          attempt.detail = `HTTP ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`;
        }
      } catch (err) {
        // Refused, reset or timed out: the incident may or may not have been appended. The outbox will tell.
        this.apiNetworkErrors++;
        attempt.outcome = 'unknown';
        attempt.detail = (err as Error).message;
      } finally {
        this.inFlight--;
      }
    }
  }

  /** Insert a batch into the outbox and the log; a retried batch may be partly in already, so duplicate keys count as done. */
  private async flushOutbox(): Promise<void> {
    const batch = this.outboxQueue.slice(0, 100);
    try {
      await createEventStore(this.o.policeDb).importProjected(batch.map((b) => b.event));
    } catch (err) {
      this.outboxRetries++;
      if (this.outboxRetries === 1 || this.outboxRetries % 20 === 0) this.o.log(`outbox insert failed (${(err as Error).message}); retrying the same ${batch.length} events`);
      await sleep(250);
      return;
    }
    for (const b of batch) b.attempt.outcome = 'acknowledged';
    this.outboxQueue.splice(0, batch.length);
  }

  /** Publish a batch (acks=all); on failure the same events are sent again: the consumer dedupes by event id. */
  private async flushBus(): Promise<void> {
    const batch = this.busQueue.slice(0, 100);
    try {
      await this.o.busPublisher.publish(batch.map((b) => b.event));
    } catch (err) {
      this.busRetries++;
      if (this.busRetries === 1 || this.busRetries % 20 === 0) this.o.log(`publish failed (${(err as Error).message}); sending the same ${batch.length} events again`);
      await sleep(250);
      return;
    }
    for (const b of batch) b.attempt.outcome = 'acknowledged';
    this.busQueue.splice(0, batch.length);
  }

  private async drainWorker(queue: { length: number }, flush: () => Promise<void>): Promise<void> {
    while (!this.stopped) {
      if (queue.length === 0) {
        if (this.released >= this.o.total) return;
        await sleep(50);
        continue;
      }
      await flush();
      await sleep(20);
    }
  }

  /** Release events at the rate until `total`, then wait until every attempt has an outcome. */
  async run(): Promise<void> {
    const workers = [
      ...Array.from({ length: this.o.apiConcurrency }, () => this.apiWorker()),
      this.drainWorker(this.outboxQueue, () => this.flushOutbox()),
      this.drainWorker(this.busQueue, () => this.flushBus()),
    ];
    const started = Date.now();
    while (!this.stopped && this.released < this.o.total) {
      const due = Math.min(this.o.total, Math.floor(((Date.now() - started) / 1000) * this.o.ratePerSec));
      // Back-pressure: the API share must not pile up unboundedly behind a paused or slow police service.
      while (this.released < due && this.apiQueue.length < 200) this.release(this.released++);
      await sleep(50);
    }
    await Promise.all(workers);
  }
}

export async function busPublisher(brokers: string[], prefix: string): Promise<{ publisher: EventPublisher; kafka: Kafka }> {
  const kafka = faultKafka(brokers, `faults-load-${prefix}`);
  const topics = prefixedTopics(prefix);
  return { kafka, publisher: await createEventPublisher(kafka, { topicFor: (e) => topics.events[e.agency] }) };
}
