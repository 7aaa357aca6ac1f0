// Helpers for the fault-injection tests (tests/reliability/faults*.ts, tests/integration/faults.int.spec.ts):
// a stack of their own beside the shared one, services as real processes that can be killed, a bounded load
// generator, socket clients that reconnect, and the checks that compare the read model with a clean replay.
// Nothing here uses vitest's injected endpoints: the fault tests never touch the shared stack.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Admin, Kafka } from 'kafkajs';
import type { Connection } from 'mongoose';
import { io, type Socket } from 'socket.io-client';
import {
  createEvent, createEventPublisher, createEventStore, createKafka, createLogger, prefixedTopics,
  runEventConsumer, type CaseEvent, type EventPublisher, type Logger, type MeetingPush, type RunningConsumer,
} from '@convene/shared';
import { issueLocalToken, type Principal } from '@convene/shared/auth';
import { cacheDir, stackConfig } from '../../infra/local/paths.js';
import { readState } from '../../infra/local/state.js';
import { isAlive, isPortFree } from '../../infra/local/processes.js';
import { ensureStack, restartServer, stopStack, type StackServer } from '../../infra/local/stack.js';
import { DEV_JWT_SECRET, devEnvironment } from '../../scripts/lib/devSecrets.js';
import { startService, waitHealthy, type RunningService, type ServiceName, type StartOptions } from '../../scripts/lib/services.js';
import { createConferenceService } from '../../services/conference/src/wiring.js';
import { loadConferenceConfig } from '../../services/conference/src/config.js';
import { connectRuntime, type Runtime } from '@convene/shared/runtime';
import { connectMongo } from '@convene/shared/mongo';
import type { CaseView } from '../../services/conference/src/readModel/index.js';
import { unpackCase, type StoredCase } from '../../services/conference/src/db/cases.js';
import { mayReceive } from '../../services/conference/src/realtime/visibility.js';
import { eventually } from './poll.js';

export type Log = (line: string) => void;

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Poll until `check` returns something truthy; throws naming `what` after `timeoutMs`. */
export function waitFor<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs: number, intervalMs = 250): Promise<T> {
  return eventually(check, { what, timeoutMs, intervalMs });
}

/** Work that must happen at the end whatever happened before: run in reverse order, each bounded, errors collected. */
export class Cleanup {
  private readonly steps: { name: string; run: () => Promise<unknown> }[] = [];
  add(name: string, run: () => Promise<unknown>): void {
    this.steps.push({ name, run });
  }
  async run(log: Log, stepTimeoutMs = 60_000): Promise<string[]> {
    const errors: string[] = [];
    for (const step of this.steps.splice(0).reverse()) {
      try {
        await Promise.race([step.run(), sleep(stepTimeoutMs).then(() => Promise.reject(new Error('timed out')))]);
      } catch (err) {
        errors.push(`${step.name}: ${(err as Error).message}`);
        log(`cleanup ${step.name} failed: ${(err as Error).message}`);
      }
    }
    return errors;
  }
}

// ---------------------------------------------------------------------------------------------------------
// A stack of our own: Kafka and FerretDB on other ports, under another name (own state file, data folder).

export interface FaultStack {
  name: string;
  /** The CONVENE_STACK_* variables naming this stack; passed to the infra functions, never put in process.env. */
  env: NodeJS.ProcessEnv;
  brokers: string[];
  mongoUrl: string;
  /** Stop one server, keep it down for `downMs`, start it again on its data; resolves once it is ready. */
  restart(which: StackServer, downMs: number): Promise<{ outageMs: number }>;
  /** Stop both servers and delete their data; their logs are copied to `keepLogsIn` first if given. */
  stop(keepLogsIn?: string): Promise<void>;
}

const DEFAULT_PORTS = new Set([9092, 9093, 27017]);
const OWNER_FILE = 'faults-owner';

async function portsFree(ports: number[]): Promise<boolean> {
  for (const p of ports) if (!(await isPortFree(p, '127.0.0.1'))) return false;
  return true;
}

/** Three free loopback ports below the ephemeral range: the usual 19092/19093/27027 if free, else others. */
async function pickPorts(): Promise<[number, number, number]> {
  const preferred: [number, number, number] = [19092, 19093, 27027];
  if (await portsFree(preferred)) return preferred;
  for (let attempt = 0; attempt < 40; attempt++) {
    const base = 20_000 + Math.floor(Math.random() * 900) * 10;
    const trio: [number, number, number] = [base, base + 1, base + 2];
    if (await portsFree(trio)) return trio;
  }
  throw new Error('no three free loopback ports found for the fault stack');
}

/** Stacks named faults-<pid> whose test process is gone: stop them (their own processes only) and forget them. */
async function removeAbandonedStacks(log: Log): Promise<void> {
  let entries: string[] = [];
  try {
    entries = fs.readdirSync(cacheDir());
  } catch {
    return;
  }
  for (const entry of entries) {
    const m = /^stack-(faults-(\d+))$/.exec(entry);
    if (!m) continue;
    const pid = Number(m[2]);
    if (pid === process.pid || isAlive(pid)) continue;
    log(`removing the fault stack ${m[1]} left by process ${pid}`);
    await stopStack({ env: { CONVENE_STACK_NAME: m[1] }, log }).catch((err: unknown) => log(`could not stop ${m[1]}: ${(err as Error).message}`));
    fs.rmSync(path.join(cacheDir(), entry), { recursive: true, force: true });
  }
}

/**
 * Start Kafka and FerretDB of our own (name faults-<pid>, ports of our own) through the infra/local API.
 * The name and ports are checked to differ from the shared stack's before anything is started or stopped.
 */
export async function startFaultStack(log: Log): Promise<FaultStack> {
  await removeAbandonedStacks(log);
  const [kafkaPort, controllerPort, mongoPort] = await pickPorts();
  const name = `faults-${process.pid}`;
  // Only these variables: KAFKA_BROKERS/MONGO_URL (the shared stack) must not reach the infra functions.
  const env: NodeJS.ProcessEnv = {
    CONVENE_STACK_NAME: name,
    CONVENE_STACK_KAFKA_PORT: String(kafkaPort),
    CONVENE_STACK_KAFKA_CONTROLLER_PORT: String(controllerPort),
    CONVENE_STACK_MONGO_PORT: String(mongoPort),
  };
  const config = stackConfig(env);
  if (!config.name || [config.kafkaPort, config.kafkaControllerPort, config.mongoPort].some((p) => DEFAULT_PORTS.has(p))) {
    throw new Error(`refusing to manage ${JSON.stringify(config)}: it could be the shared stack`);
  }
  const stateDir = path.join(cacheDir(), `stack-${name}`);
  fs.mkdirSync(stateDir, { recursive: true });
  fs.writeFileSync(path.join(stateDir, OWNER_FILE), String(process.pid));
  const { endpoints, startedByUs } = await ensureStack({ env, log });
  if (endpoints.external || !startedByUs || endpoints.kafkaBrokers[0] !== `127.0.0.1:${kafkaPort}`) {
    throw new Error(`the fault stack did not start as asked: ${JSON.stringify(endpoints)}`);
  }
  let stopped = false;
  return {
    name,
    env,
    brokers: endpoints.kafkaBrokers,
    mongoUrl: endpoints.mongoUrl,
    async restart(which, downMs) {
      const { downMs: outageMs } = await restartServer(which, { env, log, downMs });
      return { outageMs };
    },
    async stop(keepLogsIn) {
      if (stopped) return;
      stopped = true;
      const state = readState(config);
      if (keepLogsIn && state) {
        for (const file of ['kafka.log', 'ferretdb.log', 'mongo-java-server.log']) {
          try {
            fs.cpSync(path.join(state.dataDir, file), path.join(keepLogsIn, file), { force: true });
          } catch {
            // a server that never started has no log
          }
        }
      }
      await stopStack({ env, log });
      fs.rmSync(stateDir, { recursive: true, force: true });
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Services as real processes, supervised: kill -9 is real, and an exit we did not cause is recorded.

export interface ExitRecord {
  service: ServiceName;
  at: string;
  code: number | null;
  signal: NodeJS.Signals | null;
  expected: boolean;
}

export class SupervisedService {
  current: RunningService | undefined;
  readonly exits: ExitRecord[] = [];
  starts = 0;
  private expecting = false;
  private restarting: Promise<void> | undefined;
  private closed = false;

  constructor(
    readonly name: ServiceName,
    private readonly env: NodeJS.ProcessEnv,
    private readonly logDir: string,
    private readonly log: Log,
  ) {}

  get url(): string {
    if (!this.current) throw new Error(`${this.name} is not running`);
    return this.current.url;
  }

  get unexpectedExits(): ExitRecord[] {
    return this.exits.filter((e) => !e.expected);
  }

  /** Start the process (with extra env for this run only) and wait until /health answers 200. */
  async start(extraEnv: NodeJS.ProcessEnv = {}, timeoutMs = 90_000, options: StartOptions = {}): Promise<void> {
    if (this.closed) throw new Error(`${this.name} is closed`);
    const service = startService(this.name, { ...this.env, ...extraEnv }, this.logDir, options);
    this.current = service;
    this.starts++;
    this.expecting = false;
    service.process.once('exit', (code, signal) => {
      const expected = this.expecting || this.closed;
      this.exits.push({ service: this.name, at: new Date().toISOString(), code, signal, expected });
      if (!expected && this.current === service) {
        this.log(`${this.name} exited unexpectedly (${signal ?? `code ${code}`}); restarting it as a supervisor would — see ${service.logPath}`);
        this.restarting = this.restartAfterCrash();
      }
    });
    await waitHealthy(service, timeoutMs);
  }

  private async restartAfterCrash(): Promise<void> {
    const deadline = Date.now() + 120_000;
    while (!this.closed && Date.now() < deadline) {
      try {
        await this.start();
        return;
      } catch (err) {
        this.log(`${this.name} did not come back yet: ${(err as Error).message}`);
        await sleep(1000);
      }
    }
  }

  /** Whatever the supervisor is doing about an unexpected exit, finished. */
  async settled(): Promise<void> {
    await this.restarting;
  }

  /** kill -9 and wait for the process to be gone. */
  async kill9(): Promise<void> {
    const service = this.current;
    if (!service || service.process.exitCode !== null || service.process.signalCode !== null) return;
    this.expecting = true;
    const gone = new Promise((r) => service.process.once('exit', r));
    service.process.kill('SIGKILL');
    await Promise.race([gone, sleep(10_000)]);
  }

  /** The next exit is ours (e.g. a crash hook makes the process kill itself). */
  expectExit(): void {
    this.expecting = true;
  }

  /** Graceful stop (SIGTERM, SIGKILL after 15 s). */
  async stop(): Promise<number | null> {
    this.expecting = true;
    return (await this.current?.stop('SIGTERM')) ?? null;
  }

  /** For the end of a test: stop for good; SIGKILL if SIGTERM has not ended it within `graceMs`. */
  async close(graceMs = 1000): Promise<void> {
    this.closed = true;
    const service = this.current;
    const running = () => service !== undefined && service.process.exitCode === null && service.process.signalCode === null;
    if (!service || !running()) return;
    const gone = new Promise((r) => service.process.once('exit', r));
    service.process.kill('SIGTERM');
    await Promise.race([gone, sleep(graceMs)]);
    if (running()) {
      service.process.kill('SIGKILL');
      await Promise.race([gone, sleep(5000)]);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// HTTP and tokens.

export function token(principal: Principal): Promise<string> {
  return issueLocalToken(DEV_JWT_SECRET, principal, { expiresIn: '2h' });
}

export interface HttpResult {
  status: number;
  body: any;
}

/** A JSON call with a timeout; a network failure (refused, reset, timed out) throws. */
export async function call(baseUrl: string, bearer: string, method: string, route: string, body?: unknown, timeoutMs = 20_000): Promise<HttpResult> {
  const res = await fetch(`${baseUrl}${route}`, {
    method,
    headers: { authorization: `Bearer ${bearer}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = text;
  }
  return { status: res.status, body: json };
}

// ---------------------------------------------------------------------------------------------------------
// Socket clients that reconnect and resume with their last seq.

export class ResilientMeetingClient {
  /** Pushes received, one array per connection. */
  readonly sessions: MeetingPush[][] = [];
  readonly errors: string[] = [];
  reconnects = 0;
  private socket: Socket | undefined;
  private closing = false;
  private reconnecting: Promise<void> | undefined;

  constructor(
    readonly label: string,
    readonly principal: Principal,
    private readonly url: () => string,
    private readonly meetingId: string,
    private readonly log: Log,
  ) {}

  get lastSeq(): number {
    let last = 0;
    for (const s of this.sessions) for (const p of s) last = Math.max(last, p.seq);
    return last;
  }

  get connected(): boolean {
    return this.socket?.connected ?? false;
  }

  /** Connect and join (resuming after lastSeq), retrying until `timeoutMs`. */
  async connect(timeoutMs = 120_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let lastError = '';
    while (!this.closing && Date.now() < deadline) {
      const socket = io(`${this.url()}/meetings`, { auth: { token: await token(this.principal) }, transports: ['websocket'], reconnection: false, forceNew: true, timeout: 5000 });
      try {
        await new Promise<void>((resolve, reject) => {
          socket.once('connect', () => resolve());
          socket.once('connect_error', (err) => reject(err));
        });
        const session: MeetingPush[] = [];
        socket.on('push', (push: MeetingPush) => session.push(push));
        const lastSeq = this.lastSeq;
        const ack = (await socket.timeout(10_000).emitWithAck('join', { meetingId: this.meetingId, lastSeq })) as { ok: boolean; error?: { reason?: string } };
        if (!ack.ok) throw new Error(`join refused: ${ack.error?.reason ?? 'unknown'}`);
        this.sessions.push(session);
        this.socket = socket;
        socket.once('disconnect', (reason) => {
          if (this.closing) return;
          this.log(`socket client ${this.label} disconnected (${reason}); reconnecting from seq ${this.lastSeq}`);
          this.reconnects++;
          this.reconnecting = this.connect().catch((err: unknown) => {
            this.errors.push((err as Error).message);
          });
        });
        return;
      } catch (err) {
        lastError = (err as Error).message;
        socket.close();
        await sleep(500);
      }
    }
    if (!this.closing) throw new Error(`socket client ${this.label} could not reconnect: ${lastError}`);
  }

  async settled(): Promise<void> {
    await this.reconnecting;
  }

  close(): void {
    this.closing = true;
    this.socket?.close();
  }
}

// ---------------------------------------------------------------------------------------------------------
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

// ---------------------------------------------------------------------------------------------------------
// What the read model holds, a clean replay of it, and checksums.

export async function loadViews(db: Connection): Promise<Map<string, CaseView>> {
  const docs = await db.collection<StoredCase>('cases').find({}).toArray();
  return new Map(docs.map((d) => [d._id, unpackCase(d).view]));
}

/** Count and sha256 of every case's applied ids and timeline ids, cases in reference order. */
export function digest(views: Map<string, CaseView>): { cases: number; appliedIds: number; timelineEntries: number; sha256: string } {
  const hash = createHash('sha256');
  let appliedIds = 0;
  let timelineEntries = 0;
  for (const caseRef of [...views.keys()].sort()) {
    const view = views.get(caseRef)!;
    appliedIds += view.appliedEventIds.length;
    timelineEntries += view.timeline.length;
    hash.update(`${caseRef}\n${[...view.appliedEventIds].sort().join(',')}\n${view.timeline.map((e) => e.eventId).join(',')}\n`);
  }
  return { cases: views.size, appliedIds, timelineEntries, sha256: hash.digest('hex') };
}

/** JSON with sorted keys, so two equal views hash equally whatever order their fields were written in. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    if (value instanceof Date) return JSON.stringify(value.toISOString());
    return `{${Object.keys(value).sort().filter((k) => (value as Record<string, unknown>)[k] !== undefined).map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function viewHash(view: CaseView): string {
  return createHash('sha256').update(canonical(view)).digest('hex');
}

/** Every partition of `topics` committed by `groupId` up to its end. */
export async function caughtUp(admin: Admin, groupId: string, topics: string[]): Promise<boolean> {
  for (const topic of topics) {
    const ends = await admin.fetchTopicOffsets(topic);
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
    for (const end of ends) {
      const at = committed?.partitions.find((p) => p.partition === end.partition)?.offset ?? '-1';
      if (end.high !== '0' && (at === '-1' || BigInt(at) < BigInt(end.high))) return false;
    }
  }
  return true;
}

/** How many messages the topics hold (sum of the partitions' end offsets; nothing is deleted in a test). */
export async function messageCount(admin: Admin, topic: string): Promise<number> {
  const ends = await admin.fetchTopicOffsets(topic);
  return ends.reduce((n, e) => n + Number(e.high) - Number(e.low), 0);
}

/**
 * Where these event ids sit on a topic (partition/offset), by reading it from the start with a throwaway
 * group: for explaining a lost event. Stops at the ends the topic had when called.
 */
export async function locateOnTopic(kafka: Kafka, admin: Admin, topic: string, ids: string[], timeoutMs = 60_000): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  const wanted = new Set(ids);
  const ends = new Map((await admin.fetchTopicOffsets(topic)).map((e) => [e.partition, Number(e.high)]));
  const consumer = kafka.consumer({ groupId: `locate-${randomBytes(4).toString('hex')}` });
  const reached = new Set<number>([...ends].filter(([, high]) => high === 0).map(([p]) => p));
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        const id = message.headers?.ce_id?.toString();
        if (id && wanted.has(id)) found.set(id, [...(found.get(id) ?? []), `p${partition}@${message.offset}`]);
        if (Number(message.offset) + 1 >= (ends.get(partition) ?? 0)) reached.add(partition);
      },
    });
    await waitFor(`a read of ${topic} to its end`, async () => reached.size >= ends.size, timeoutMs, 200);
  } finally {
    await consumer.disconnect().catch(() => undefined);
  }
  return found;
}

export interface Replay {
  views: Map<string, CaseView>;
  messages: number;
  distinctEvents: number;
  deadLettered: number;
  durationMs: number;
  stop(): Promise<void>;
}

/**
 * A clean replay: a fresh database and fresh consumer groups reading every topic from offset 0 through the
 * conference's own projector, in this process. The conference topic first: the listings it holds are the
 * conference's decisions (which case number a referral got), and a replay must follow them, not decide
 * again. Nothing is published: the replay's outbox relay is never started.
 */
export async function cleanReplay(options: { brokers: string[]; mongoUrl: string; prefix: string; dbSuffix: string; timeoutMs: number; log: Log }): Promise<Replay> {
  const started = Date.now();
  const logger: Logger = createLogger('replay', { level: 'error' });
  const config = loadConferenceConfig(devEnvironment({
    KAFKA_BROKERS: options.brokers.join(','), MONGO_URL: options.mongoUrl, KAFKA_TOPIC_PREFIX: options.prefix, MONGO_DB_SUFFIX: options.dbSuffix,
    KAFKA_TOPIC_PARTITIONS: '6', LOG_LEVEL: 'error',
  }));
  const runtime: Runtime = await connectRuntime('conference', config, logger);
  const service = createConferenceService(runtime.db, config, logger);
  service.live.silence();
  const admin = runtime.kafka.admin();
  await admin.connect();
  const consumers: RunningConsumer[] = [];
  let messages = 0;
  const ids = new Set<string>();
  let deadLettered = 0;
  const stop = async () => {
    for (const c of consumers.splice(0)) await c.stop().catch(() => undefined);
    await admin.disconnect().catch(() => undefined);
    await runtime.db.dropDatabase().catch(() => undefined);
    await runtime.close();
  };
  try {
    const phases = [[runtime.topics.events.conference], Object.entries(runtime.topics.events).filter(([agency]) => agency !== 'conference').map(([, t]) => t)];
    for (const topics of phases) {
      const groupId = `replay-${randomBytes(4).toString('hex')}`;
      const consumer = await runEventConsumer({
        kafka: runtime.kafka, groupId, topics, dlqTopic: runtime.topics.dlq, publisher: runtime.publisher, logger,
        apply: async (events) => {
          await service.projector().handle(events.map((e) => e.event));
          messages += events.length;
          for (const e of events) ids.add(e.event.id);
        },
      });
      consumers.push(consumer);
      await waitFor(`the replay to reach the end of ${topics.join(', ')}`, () => caughtUp(admin, groupId, topics), options.timeoutMs, 500);
      deadLettered += consumer.stats.deadLettered;
    }
    const views = await loadViews(runtime.db);
    return { views, messages, distinctEvents: ids.size, deadLettered, durationMs: Date.now() - started, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Pushes: the meeting's log on the live topic against what each socket client received.

export interface PushLogCheck {
  pushes: number;
  /** Pushes whose seq is not above the one before: the live topic gives each meeting increasing seqs. */
  outOfOrder: number;
  duplicateTimelinePushes: string[];
  missingTimelinePushes: string[];
}

export function checkPushLog(log: MeetingPush[], expectedTimelineSources: string[]): PushLogCheck {
  let outOfOrder = 0;
  for (let i = 1; i < log.length; i++) if (log[i]!.seq <= log[i - 1]!.seq) outOfOrder++;
  const timelineCount = new Map<string, number>();
  for (const p of log) if (p.kind === 'timeline.entry') timelineCount.set(p.sourceId, (timelineCount.get(p.sourceId) ?? 0) + 1);
  return {
    pushes: log.length,
    outOfOrder,
    duplicateTimelinePushes: [...timelineCount].filter(([, n]) => n > 1).map(([id]) => id),
    missingTimelinePushes: expectedTimelineSources.filter((id) => !timelineCount.has(id)),
  };
}

export interface ClientCheck {
  client: string;
  sessions: number;
  reconnects: number;
  received: number;
  /** Seqs the client should have had (visible to it, in the log) but never received. */
  missed: number[];
  /** Seqs received more than once, or out of order. */
  duplicates: number[];
  outOfOrder: number;
  lastSeq: number;
  errors: string[];
}

/** A client that joined from seq 0 must have received every push it may see, once, in increasing order. */
export function checkClient(client: ResilientMeetingClient, log: MeetingPush[]): ClientCheck {
  const all = client.sessions.flat();
  let outOfOrder = 0;
  for (let i = 1; i < all.length; i++) if (all[i]!.seq <= all[i - 1]!.seq) outOfOrder++;
  const seen = new Map<number, number>();
  for (const p of all) seen.set(p.seq, (seen.get(p.seq) ?? 0) + 1);
  const upTo = client.lastSeq;
  const visible = log.filter((p) => p.seq <= upTo && mayReceive(p, client.principal)).map((p) => p.seq);
  return {
    client: client.label,
    sessions: client.sessions.length,
    reconnects: client.reconnects,
    received: all.length,
    missed: visible.filter((s) => !seen.has(s)).slice(0, 20),
    duplicates: [...seen].filter(([, n]) => n > 1).map(([s]) => s).slice(0, 20),
    outOfOrder,
    lastSeq: upTo,
    errors: client.errors,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Odds and ends.

/** The services' own connect (shared/src/mongo): the same driver settings and monitor watchdog, so the checks survive a FerretDB restart too. */
export function connectDb(mongoUrl: string, dbName: string): Promise<Connection> {
  return connectMongo({ url: mongoUrl, dbName, logger: createLogger('faults', { level: 'warn' }), attempts: 5 });
}

export function faultKafka(brokers: string[], clientId: string): Kafka {
  return createKafka({ brokers, clientId, logger: createLogger('faults', { level: 'error' }) });
}

export { machine } from './figures.js';
