// The fault-injection scenario shared by the full run (faults.rel.spec.ts) and the short one in `npm test`
// (tests/integration/faults.int.spec.ts). Runs on a stack of its own; see tests/support/faults.ts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Connection } from 'mongoose';
import { prefixedTopics, type MeetingPush } from '@convene/shared/contracts';
import { devEnvironment } from '../../scripts/lib/devSecrets.js';
import type { CaseView } from '../../services/conference/src/readModel/index.js';
import { freePort } from '../support/ports.js';
import { letters } from '../support/letters.js';
import { readLiveLog } from '../support/liveTopic.js';
import { CRASH_AFTER_RECORD } from '../support/hooks/index.js';
import {
  Cleanup, ResilientMeetingClient, LoadGenerator, SupervisedService, busPublisher, call, caughtUp, checkClient, checkPushLog, cleanReplay, connectDb, digest,
  faultKafka, loadViews, locateOnTopic, machine, messageCount, sleep, startFaultStack, token, viewHash, waitFor,
  type Attempt, type CaseFixture, type ClientCheck, type FaultStack, type Log, type PushLogCheck, type Route,
} from '../support/faults.js';

/** What this report reads of the police event log and outbox (the stores' documents are private to the event log). */
interface StoredEvent {
  _id: string;
  seq: number;
  type: string;
  publish: boolean;
  caseRef?: string;
  event: { data: { summary?: string } };
}
interface OutboxEntry {
  _id: string;
  project: boolean;
  publish: boolean;
}

export type FaultKind = 'conference-kill9' | 'police-crash-after-append' | 'kafka-restart' | 'mongo-restart';

export interface FaultPlan {
  label: 'short' | 'full';
  events: number;
  ratePerSec: number;
  cases: number;
  agendaCases: number;
  /** Out of every api+outbox+bus events, how many go through the police API, into the police outbox, onto the topic. */
  routes: Record<Route, number>;
  apiConcurrency: number;
  /** Each fault when this fraction of the load has been released: faults with the same `at` together, the groups one after the other. */
  faults: { at: number; kind: FaultKind; downMs?: number }[];
  drainTimeoutMs: number;
}

export interface FaultRecord {
  kind: FaultKind;
  atFraction: number;
  startedAtMs: number;
  durationMs: number;
  /** From the fault's start until a socket client was given a push made after it: the live path back. */
  liveBackMs: number | null;
  detail: string;
}

export interface FaultReport {
  label: string;
  date: string;
  machine: ReturnType<typeof machine>;
  plan: Omit<FaultPlan, 'faults'> & { faults: string[] };
  eventsSent: number;
  acknowledged: number;
  byRoute: Record<Route, { sent: number; acknowledged: number; unknown: number }>;
  unknownOutcome: { total: number; recorded: number; notRecorded: number };
  refused: number;
  expectedInReadModel: number;
  lost: number;
  lostIds: string[];
  duplicated: number;
  duplicateDetail: string[];
  misplaced: string[];
  busMessages: { police: number; distinctPolice: number; deadLettered: number };
  faultsInjected: Record<FaultKind, number>;
  faults: FaultRecord[];
  unexpectedExits: string[];
  readModel: { cases: number; appliedIds: number; timelineEntries: number; sha256: string };
  replay: { cases: number; appliedIds: number; timelineEntries: number; sha256: string; viewsEqual: boolean; differingCases: string[]; messages: number; distinctEvents: number; deadLettered: number };
  pushLog: PushLogCheck;
  sockets: ClientCheck[];
  durations: Record<string, number>;
  logDir: string;
  drainError?: string;
}

const chair = { sub: 'chair-faults', agency: 'conference', role: 'chair', name: 'Fault Chair' } as const;
const officer = { sub: 'pc-faults', agency: 'police', role: 'police' } as const;


/** Run the scenario. Everything it starts is registered on `cleanup`, which the caller runs in afterAll. */
export async function runFaultScenario(plan: FaultPlan, cleanup: Cleanup, log: Log): Promise<FaultReport> {
  const t0 = Date.now();
  const durations: Record<string, number> = {};
  const mark = (name: string, since: number) => (durations[name] = Date.now() - since);

  // --- our own stack -----------------------------------------------------------------------------------
  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), `convene-faults-${plan.label}-`));
  let stack: FaultStack | undefined;
  cleanup.add('fault stack', async () => stack?.stop(logDir));
  stack = await startFaultStack(log);
  mark('stackStartMs', t0);
  const prefix = `flt${randomBytes(3).toString('hex')}`;
  const runTag = `FLT ${prefix}`;
  log(`stack ${stack.name}: Kafka ${stack.brokers.join(',')}, MongoDB ${stack.mongoUrl}; topic prefix ${prefix}; service logs in ${logDir}`);

  const [policePort, conferencePort] = [await freePort(), await freePort()];
  // Six partitions per topic, the services' default (tests elsewhere use three).
  const base = devEnvironment({
    KAFKA_BROKERS: stack.brokers.join(','), MONGO_URL: stack.mongoUrl, KAFKA_TOPIC_PREFIX: prefix, MONGO_DB_SUFFIX: prefix,
    KAFKA_TOPIC_PARTITIONS: '6', LOG_LEVEL: process.env.FAULTS_LOG_LEVEL ?? 'warn', RATE_LIMIT_PER_MINUTE: '1000000', NODE_ENV: 'test',
  });
  const conference = new SupervisedService('conference', { ...base, PORT: String(conferencePort) }, logDir, log);
  const police = new SupervisedService('police', { ...base, PORT: String(policePort) }, logDir, log);
  cleanup.add('conference process', () => conference.close());
  cleanup.add('police process', () => police.close());
  const tServices = Date.now();
  await Promise.all([conference.start(), police.start()]);
  mark('servicesStartMs', tServices);

  const policeDb: Connection = await connectDb(stack.mongoUrl, `convene_police_${prefix}`);
  const conferenceDb: Connection = await connectDb(stack.mongoUrl, `convene_conference_${prefix}`);
  cleanup.add('database connections', async () => {
    await policeDb.close().catch(() => undefined);
    await conferenceDb.close().catch(() => undefined);
  });

  // --- cases on the agenda of a running meeting ---------------------------------------------------------
  const tSetup = Date.now();
  const officerToken = await token(officer);
  const chairToken = await token(chair);
  const people: { victim: { personId: string; tokens: string[] }; suspect: { personId: string; tokens: string[] } }[] = [];
  for (let i = 0; i < plan.cases; i++) {
    const person = async (role: string, j: number) => {
      const res = await call(police.url, officerToken, 'POST', '/people', { given: role === 'victim' ? 'Vera' : 'Simon', family: `Fault${letters(i)}${role}`, dateOfBirth: new Date(Date.UTC(1970 + (i % 30), j, 1 + (i % 27))).toISOString().slice(0, 10) });
      if (res.status !== 201) throw new Error(`POST /people: ${res.status} ${JSON.stringify(res.body)}`);
      return { personId: res.body.personId as string, tokens: res.body.tokens as string[] };
    };
    const victim = await person('victim', 0);
    const suspect = await person('suspect', 6);
    const referral = await call(police.url, officerToken, 'POST', '/referrals', {
      subjects: [{ personId: victim.personId, role: 'victim' }, { personId: suspect.personId, role: 'suspect' }], criterion: 'high_risk', reason: `Fault test case ${i}`,
    });
    if (referral.status !== 201) throw new Error(`POST /referrals: ${referral.status} ${JSON.stringify(referral.body)}`);
    people.push({ victim, suspect });
  }
  // The conference lists each case; police learn of the listing (and answer with a research return).
  const listings = await waitFor('police to hold every listing', async () => {
    const docs = await policeDb.collection<{ _id: string; tokens: string[]; open: boolean }>('listings').find({ open: true }).toArray();
    return docs.length === plan.cases ? docs : undefined;
  }, 60_000, 500);
  const cases: CaseFixture[] = people.map((p) => {
    const listing = listings.find((l) => l.tokens.includes(p.victim.tokens[0]!));
    if (!listing) throw new Error('a referral was not listed');
    return { caseRef: listing._id, ...p };
  });
  const agenda = cases.slice(0, plan.agendaCases).map((c) => c.caseRef);
  await waitFor('the cases to be listed in the conference', async () => {
    const res = await call(conference.url, chairToken, 'GET', '/cases');
    return res.status === 200 && agenda.every((ref) => (res.body as { caseRef: string }[]).some((c) => c.caseRef === ref));
  }, 60_000, 500);
  const meeting = await call(conference.url, chairToken, 'POST', '/meetings', {
    title: 'Fault injection', scheduledFor: new Date().toISOString(), agenda, members: [{ userId: officer.sub, agency: 'police', role: 'police' }],
  });
  if (meeting.status !== 201) throw new Error(`POST /meetings: ${meeting.status} ${JSON.stringify(meeting.body)}`);
  const meetingId = meeting.body.meetingId as string;
  const started = await call(conference.url, chairToken, 'POST', `/meetings/${meetingId}/start`);
  if (started.status !== 200) throw new Error(`start meeting: ${started.status} ${JSON.stringify(started.body)}`);

  const clients = [
    new ResilientMeetingClient('chair', chair, () => conference.url, meetingId, log),
    new ResilientMeetingClient('police officer', officer, () => conference.url, meetingId, log),
  ];
  cleanup.add('socket clients', async () => clients.forEach((c) => c.close()));
  for (const c of clients) await c.connect(30_000);
  mark('setupMs', tSetup);

  // --- load and faults ----------------------------------------------------------------------------------
  const bus = await busPublisher(stack.brokers, prefix);
  cleanup.add('bus publisher', () => bus.publisher.disconnect());
  const generator = new LoadGenerator({
    total: plan.events, ratePerSec: plan.ratePerSec, routes: plan.routes, apiConcurrency: plan.apiConcurrency, cases, runTag,
    policeUrl: () => police.url, policeToken: officerToken, policeDb, busPublisher: bus.publisher, log,
  });
  cleanup.add('load generator', async () => generator.stop());
  const faults: FaultRecord[] = [];
  const crashProbes: Attempt[] = [];
  const tLoad = Date.now();
  const load = generator.run();
  // Progress, and where the conference's consumer group stands (committed / end of the police topic).
  const watchKafka = faultKafka(stack.brokers, `faults-watch-${prefix}`);
  const watch = watchKafka.admin();
  await watch.connect();
  cleanup.add('kafka watch', () => watch.disconnect());
  const conferenceGroup = prefixedTopics(prefix).group('conference');
  const policeTopic = prefixedTopics(prefix).events.police;
  const groupProgress = async (): Promise<string> => {
    try {
      const ends = await watch.fetchTopicOffsets(policeTopic);
      const [committed] = await watch.fetchOffsets({ groupId: conferenceGroup, topics: [policeTopic] });
      const done = (committed?.partitions ?? []).reduce((n, p) => n + Math.max(0, Number(p.offset)), 0);
      const { groups } = await watch.describeGroups([conferenceGroup]);
      return `conference group ${groups[0]?.state ?? '?'} (${groups[0]?.members.length ?? 0} members), committed ${done}/${ends.reduce((n, e) => n + Number(e.high), 0)} on the police topic`;
    } catch (err) {
      return `conference group unknown (${(err as Error).message})`;
    }
  };
  const progress = setInterval(() => {
    void Promise.all([
      policeDb.collection('outbox').countDocuments({ publish: true }).then((n) => `${n}`, () => 'unreadable'),
      groupProgress(),
    ]).then(([unpublished, group]) => log(`load ${generator.released}/${plan.events} released, ${generator.attempts.filter((a) => a.outcome === 'acknowledged').length} acknowledged; police outbox: ${unpublished} unpublished; ${group}`));
  }, Number(process.env.FAULTS_PROGRESS_MS ?? 15_000));
  cleanup.add('progress', async () => clearInterval(progress));
  const runFault = async (step: FaultPlan['faults'][number]): Promise<void> => {
    const t = Date.now();
    const seqBefore = Math.max(...clients.map((c) => c.lastSeq));
    let detail = '';
    switch (step.kind) {
      case 'conference-kill9': {
        await conference.kill9();
        await conference.start();
        detail = `conference kill -9, back after ${Date.now() - t} ms`;
        break;
      }
      case 'police-crash-after-append': {
        // Police again, with the fault point armed: the next incident is appended, then the process SIGKILLs itself.
        await generator.pauseApi();
        await police.stop();
        await police.start({}, undefined, { preload: [CRASH_AFTER_RECORD] });
        police.expectExit();
        const fixture = cases[0]!;
        const probe: Attempt = { n: -1 - crashProbes.length, caseRef: fixture.caseRef, via: 'api', tag: `${runTag} crash probe ${crashProbes.length}`, outcome: 'pending' };
        crashProbes.push(probe);
        const dying = police.current!;
        try {
          const res = await call(police.url, officerToken, 'POST', '/incidents', {
            subjects: [{ personId: fixture.victim.personId, role: 'victim' }], occurredAt: new Date().toISOString(), behaviours: ['calls'], offenceClass: 'pha_s2', summary: probe.tag,
          });
          probe.outcome = res.status === 201 ? 'acknowledged' : 'unknown';
          probe.detail = `HTTP ${res.status}`;
        } catch (err) {
          probe.outcome = 'unknown';
          probe.detail = (err as Error).message;
        }
        await waitFor('police to kill itself after the append', async () => dying.process.signalCode === 'SIGKILL', 15_000, 50);
        await police.start();
        generator.resumeApi();
        detail = `police died by ${dying.process.signalCode} right after appending (${probe.detail}); restarted after ${Date.now() - t} ms`;
        break;
      }
      case 'kafka-restart': {
        const { outageMs } = await stack!.restart('kafka', step.downMs ?? 5000);
        detail = `Kafka stopped, down ${step.downMs ?? 5000} ms, ready again after ${outageMs} ms`;
        break;
      }
      case 'mongo-restart': {
        const { outageMs } = await stack!.restart('mongo', step.downMs ?? 5000);
        detail = `the database stopped, down ${step.downMs ?? 5000} ms, ready again after ${outageMs} ms`;
        break;
      }
    }
    const durationMs = Date.now() - t;
    // The load goes on, so new pushes keep coming: the first one a client gets after the fault tells the live path is back.
    const liveBackMs = await waitFor('a push after the fault', async () => clients.some((c) => c.lastSeq > seqBefore), 60_000, 50)
      .then(() => Date.now() - t, () => null);
    faults.push({ kind: step.kind, atFraction: step.at, startedAtMs: t - tLoad, durationMs, liveBackMs, detail });
    log(`fault ${faults.length}/${plan.faults.length} (started at ${((t - tLoad) / 1000).toFixed(1)} s, ${Math.round(step.at * 100)} % of the load): ${detail}; live path back ${liveBackMs === null ? 'not within 60 s' : `after ${liveBackMs} ms`}`);
  };
  const faulting = (async () => {
    // Steps with the same `at` run at the same time; the groups run one after the other.
    for (const at of [...new Set(plan.faults.map((f) => f.at))]) {
      await generator.waitFraction(at, 600_000);
      await Promise.all(plan.faults.filter((f) => f.at === at).map(runFault));
    }
  })();
  // If a fault step fails, stop the load rather than let it run on unobserved.
  await Promise.all([load, faulting.catch((err: unknown) => {
    generator.stop();
    throw err;
  })]);
  clearInterval(progress);
  mark('loadMs', tLoad);
  log(`load done: ${generator.attempts.length} events in ${Math.round((Date.now() - tLoad) / 1000)} s`);

  // --- drain: everything recorded has been published and applied; sockets have caught up ----------------
  const tDrain = Date.now();
  await Promise.all([conference.settled(), police.settled()]);
  const onBus = generator.attempts.filter((a) => a.via === 'bus' && a.outcome === 'acknowledged').map((a) => a.eventId!);
  // Every event police published belongs in a case view, except its monthly scrutiny figures
  // (police.statistics.published.v1, published when police starts), which go to the scrutiny store.
  const caseHistory = (d: Pick<StoredEvent, 'publish' | 'type'>) => d.publish && !d.type.endsWith('.statistics.published.v1');
  const expectedIds = async () => [...(await policeDb.collection<StoredEvent>('events').find({ publish: true }, { projection: { _id: 1, publish: 1, type: 1 } }).toArray()).filter(caseHistory).map((d) => d._id), ...onBus];
  let drainError: string | undefined;
  let status = '';
  try {
    await waitFor('the police outbox to be fully published', async () => {
      const unpublished = await policeDb.collection('outbox').countDocuments({ publish: true });
      status = `${unpublished} unpublished`;
      return unpublished === 0;
    }, plan.drainTimeoutMs, 1000).catch((err: unknown) => Promise.reject(new Error(`${(err as Error).message} (last: ${status})`)));
    // Reading every case view is heavy on FerretDB and would slow the conference it waits for: first wait,
    // cheaply, for the conference's group to have committed every topic to its end, then read the views.
    const drainDeadline = Date.now() + plan.drainTimeoutMs;
    await waitFor('the conference to commit every topic to its end', async () => {
      status = await groupProgress();
      return caughtUp(watch, conferenceGroup, Object.values(prefixedTopics(prefix).events));
    }, plan.drainTimeoutMs, 2000).catch((err: unknown) => Promise.reject(new Error(`${(err as Error).message} (last: ${status})`)));
    await waitFor('every published police event in the conference view', async () => {
      const applied = new Set([...(await loadViews(conferenceDb)).values()].flatMap((v) => v.appliedEventIds));
      const missing = (await expectedIds()).filter((id) => !applied.has(id)).length;
      status = `${missing} not applied yet`;
      return missing === 0;
    }, Math.max(30_000, drainDeadline - Date.now()), 5000).catch((err: unknown) => Promise.reject(new Error(`${(err as Error).message} (last: ${status})`)));
    const latest = async () => ((await conferenceDb.collection<MeetingPush>('pushes').find({ meetingId }).sort({ seq: -1 }).limit(1).toArray())[0]?.seq ?? 0);
    await waitFor('socket clients to catch up with the push log', async () => {
      const last = await latest();
      status = `log at seq ${last}, clients at ${clients.map((c) => `${c.lastSeq}${c.connected ? '' : ' (disconnected)'}`).join(', ')}`;
      if (!clients.every((c) => c.connected && c.lastSeq >= last)) return false;
      await sleep(1500); // nothing more arriving
      return (await latest()) === last;
    }, plan.drainTimeoutMs, 1000).catch((err: unknown) => Promise.reject(new Error(`${(err as Error).message} (last: ${status})`)));
  } catch (err) {
    drainError = (err as Error).message;
    log(`drain incomplete: ${drainError}`);
  }
  mark('drainMs', tDrain);

  // --- what was recorded against what the conference holds ----------------------------------------------
  const outbox = await policeDb.collection<StoredEvent>('events').find({}, { projection: { _id: 1, publish: 1, type: 1, caseRef: 1, seq: 1, 'event.data.summary': 1 } }).toArray();
  const stillQueued = new Map((await policeDb.collection<OutboxEntry>('outbox').find({}, { projection: { event: 0 } }).toArray()).map((e) => [e._id, e]));
  const bySummary = new Map<string, StoredEvent>();
  for (const d of outbox) {
    const summary = (d.event?.data as { summary?: string } | undefined)?.summary;
    if (summary?.startsWith(runTag)) {
      if (bySummary.has(summary)) log(`the outbox holds two records with summary "${summary}"`);
      bySummary.set(summary, d);
    }
  }
  const attempts = [...generator.attempts, ...crashProbes];
  const unknown = attempts.filter((a) => a.outcome === 'unknown');
  for (const a of unknown) {
    const found = bySummary.get(a.tag);
    if (found) a.eventId = found._id;
  }
  for (const a of attempts.filter((x) => x.outcome === 'acknowledged' && x.via === 'api')) {
    if (bySummary.get(a.tag)?._id !== a.eventId) log(`acknowledged ${a.tag} (${a.eventId}) is not in the outbox as such`);
  }
  const expected = [...outbox.filter(caseHistory).map((d) => d._id), ...onBus];
  const views = await loadViews(conferenceDb);
  const holders = new Map<string, string[]>();
  const duplicateDetail: string[] = [];
  let duplicated = 0;
  for (const [caseRef, view] of views) {
    const timelineIds = view.timeline.map((e) => e.eventId);
    const dupTimeline = timelineIds.length - new Set(timelineIds).size;
    const dupApplied = view.appliedEventIds.length - new Set(view.appliedEventIds).size;
    if (dupTimeline + dupApplied > 0) duplicateDetail.push(`${caseRef}: ${dupTimeline} duplicate timeline entries, ${dupApplied} duplicate applied ids`);
    duplicated += dupTimeline + dupApplied;
    for (const id of new Set(view.appliedEventIds)) holders.set(id, [...(holders.get(id) ?? []), caseRef]);
  }
  const lostIds = expected.filter((id) => !holders.has(id));
  // Every attempt that reached the outbox (acknowledged, or unknown but recorded) must be in its case, once.
  const misplaced: string[] = [];
  for (const a of attempts) {
    if (!a.eventId || (a.outcome !== 'acknowledged' && a.outcome !== 'unknown')) continue;
    const where = holders.get(a.eventId) ?? [];
    if (where.length > 1) {
      duplicated += where.length - 1;
      duplicateDetail.push(`${a.tag} in ${where.join(', ')}`);
    }
    if (where.length === 1 && where[0] !== a.caseRef) misplaced.push(`${a.tag} in ${where[0]}, expected ${a.caseRef}`);
    if (where.length === 0 && !lostIds.includes(a.eventId)) lostIds.push(a.eventId);
  }
  for (const [id, where] of holders) {
    if (where.length > 1 && !attempts.some((a) => a.eventId === id)) {
      duplicated += where.length - 1;
      duplicateDetail.push(`${id} in ${where.join(', ')}`);
    }
  }

  // --- pushes and sockets --------------------------------------------------------------------------------
  const pushLog = await readLiveLog(faultKafka(stack.brokers, `faults-live-${prefix}`), prefix, meetingId, bus.publisher);
  const agendaSet = new Set(agenda);
  const expectedTimelinePushes = attempts.filter((a) => a.eventId && agendaSet.has(a.caseRef) && (a.outcome === 'acknowledged' || a.outcome === 'unknown')).map((a) => a.eventId!);
  const pushCheck = checkPushLog(pushLog, expectedTimelinePushes);
  const sockets = clients.map((c) => checkClient(c, pushLog));
  for (const c of clients) c.close();

  // --- clean replay ------------------------------------------------------------------------------------
  const tReplay = Date.now();
  const kafka = faultKafka(stack.brokers, `faults-check-${prefix}`);
  const admin = kafka.admin();
  await admin.connect();
  cleanup.add('kafka admin', () => admin.disconnect());
  const named = prefixedTopics(prefix);
  if (lostIds.length > 0) {
    // What each lost event is, where it sits on the topic, and what its case holds: enough to tell a lost
    // publish from a lost apply from a lost write.
    const located = await locateOnTopic(kafka, admin, named.events.police, lostIds.slice(0, 20)).catch((err: unknown) => {
      log(`could not read the police topic: ${(err as Error).message}`);
      return new Map<string, string[]>();
    });
    for (const id of lostIds.slice(0, 20)) {
      const doc = outbox.find((d) => d._id === id);
      const attempt = attempts.find((a) => a.eventId === id);
      const caseRef = attempt?.caseRef ?? doc?.caseRef ?? undefined;
      const view = caseRef ? views.get(caseRef) : undefined;
      log(`lost ${id}: ${doc ? `outbox ${doc.type} caseRef ${doc.caseRef} seq ${doc.seq} ${stillQueued.has(id) ? `still queued (project ${stillQueued.get(id)!.project}, publish ${stillQueued.get(id)!.publish})` : 'no longer queued'}` : 'not in the event log'}; `
        + `${attempt ? `attempt ${attempt.tag} via ${attempt.via} (${attempt.outcome}${attempt.detail ? `: ${attempt.detail}` : ''})` : 'no attempt'}; `
        + `on the topic at ${located.get(id)?.join(', ') ?? 'nowhere'}; case ${caseRef ?? '?'} holds ${view?.appliedEventIds.length ?? 0} events`);
    }
  }
  if (drainError) {
    // Where the conference stopped: its group's committed offsets against the ends of the topics.
    for (const topic of Object.values(named.events)) {
      const ends = await admin.fetchTopicOffsets(topic);
      const [committed] = await admin.fetchOffsets({ groupId: named.group('conference'), topics: [topic] });
      log(`conference group on ${topic}: ${ends.map((e) => `p${e.partition} ${committed?.partitions.find((p) => p.partition === e.partition)?.offset ?? '?'}/${e.high}`).join(', ')}`);
    }
    const missingByCase = new Map<string, number>();
    for (const a of attempts) if (a.eventId && lostIds.includes(a.eventId)) missingByCase.set(`${a.caseRef} via ${a.via}`, (missingByCase.get(`${a.caseRef} via ${a.via}`) ?? 0) + 1);
    log(`missing by case and route: ${[...missingByCase].map(([k, n]) => `${k}: ${n}`).join('; ')}`);
  }
  const busPolice = await messageCount(admin, named.events.police);
  const deadLettered = await messageCount(admin, named.dlq);
  // Without a complete drain the replay would only measure the backlog: report the drain failure instead.
  const replay = drainError
    ? { views: new Map<string, CaseView>(), messages: 0, distinctEvents: 0, deadLettered: 0, durationMs: 0, stop: async () => undefined }
    : await cleanReplay({ brokers: stack.brokers, mongoUrl: stack.mongoUrl, prefix, dbSuffix: `${prefix}_replay`, timeoutMs: plan.drainTimeoutMs, log });
  cleanup.add('replay', () => replay.stop());
  const live = digest(views);
  const rebuilt = digest(replay.views);
  const differingCases = drainError ? ['(not replayed: the drain did not complete)'] : [...new Set([...views.keys(), ...replay.views.keys()])].filter((ref) => {
    const a = views.get(ref);
    const b = replay.views.get(ref);
    return !a || !b || viewHash(a) !== viewHash(b);
  });
  await replay.stop();
  mark('replayMs', tReplay);
  mark('totalMs', t0);

  const count = (kind: FaultKind) => faults.filter((f) => f.kind === kind).length;
  const acknowledged = attempts.filter((a) => a.outcome === 'acknowledged').length;
  const report: FaultReport = {
    label: plan.label,
    date: new Date().toISOString(),
    machine: machine(),
    plan: { ...plan, faults: plan.faults.map((f) => `${f.kind}@${Math.round(f.at * 100)}%`) },
    eventsSent: attempts.length,
    acknowledged,
    byRoute: Object.fromEntries((['api', 'outbox', 'bus'] as const).map((route) => {
      const of = attempts.filter((a) => a.via === route);
      return [route, { sent: of.length, acknowledged: of.filter((a) => a.outcome === 'acknowledged').length, unknown: of.filter((a) => a.outcome === 'unknown').length }];
    })) as FaultReport['byRoute'],
    unknownOutcome: { total: unknown.length, recorded: unknown.filter((a) => a.eventId).length, notRecorded: unknown.filter((a) => !a.eventId).length },
    refused: attempts.filter((a) => a.outcome === 'refused').length,
    expectedInReadModel: expected.length,
    lost: lostIds.length,
    lostIds: lostIds.slice(0, 20),
    duplicated,
    duplicateDetail: duplicateDetail.slice(0, 20),
    misplaced: misplaced.slice(0, 20),
    busMessages: { police: busPolice, distinctPolice: replay.distinctEvents, deadLettered },
    faultsInjected: {
      'conference-kill9': count('conference-kill9'), 'police-crash-after-append': count('police-crash-after-append'),
      'kafka-restart': count('kafka-restart'), 'mongo-restart': count('mongo-restart'),
    },
    faults,
    unexpectedExits: [...conference.unexpectedExits, ...police.unexpectedExits].map((e) => `${e.service} at ${e.at}: ${e.signal ?? `code ${e.code}`}`),
    readModel: live,
    replay: { ...rebuilt, viewsEqual: differingCases.length === 0, differingCases: differingCases.slice(0, 10), messages: replay.messages, distinctEvents: replay.distinctEvents, deadLettered: replay.deadLettered },
    pushLog: pushCheck,
    sockets,
    durations,
    logDir,
    ...(drainError ? { drainError } : {}),
  };
  return report;
}

/** One line per figure, for the test output. */
export function summarise(r: FaultReport): string {
  const f = r.faultsInjected;
  return [
    `fault run (${r.label}) ${r.date} on ${r.machine.cpu}, ${r.machine.memoryGb} GB`,
    `events sent ${r.eventsSent} (police API ${r.byRoute.api.sent}, police outbox ${r.byRoute.outbox.sent}, police topic ${r.byRoute.bus.sent}), acknowledged ${r.acknowledged}, unknown outcome ${r.unknownOutcome.total} (recorded ${r.unknownOutcome.recorded}, not recorded ${r.unknownOutcome.notRecorded}), refused ${r.refused}`,
    `expected in the read model ${r.expectedInReadModel}: lost ${r.lost}, duplicated ${r.duplicated}, misplaced ${r.misplaced.length}`,
    `faults: conference kill -9 ×${f['conference-kill9']}, police crash-after-append ×${f['police-crash-after-append']}, Kafka restart ×${f['kafka-restart']}, database restart ×${f['mongo-restart']}; unexpected exits ${r.unexpectedExits.length}`,
    ...r.faults.map((x) => `  ${(x.startedAtMs / 1000).toFixed(1)} s: ${x.detail}`),
    `bus: ${r.busMessages.police} police messages, dead-lettered ${r.busMessages.deadLettered}`,
    `read model: ${r.readModel.cases} cases, ${r.readModel.appliedIds} applied ids, ${r.readModel.timelineEntries} timeline entries, sha256 ${r.readModel.sha256.slice(0, 16)}…`,
    `clean replay: ${r.replay.cases} cases, ${r.replay.appliedIds} applied ids, ${r.replay.timelineEntries} timeline entries, sha256 ${r.replay.sha256.slice(0, 16)}…, views equal: ${r.replay.viewsEqual} (${r.replay.messages} messages, ${r.replay.distinctEvents} distinct)`,
    `live topic: ${r.pushLog.pushes} pushes, out of order ${r.pushLog.outOfOrder}, duplicate timeline pushes ${r.pushLog.duplicateTimelinePushes.length}, missing ${r.pushLog.missingTimelinePushes.length}`,
    ...r.sockets.map((s) => `socket ${s.client}: ${s.sessions} sessions (${s.reconnects} reconnects), ${s.received} pushes to seq ${s.lastSeq}, missed ${s.missed.length}, duplicates ${s.duplicates.length}, out of order ${s.outOfOrder}`),
    `durations: ${Object.entries(r.durations).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`).join(', ')}`,
    ...(r.drainError ? [`DRAIN: ${r.drainError}`] : []),
  ].join('\n');
}
