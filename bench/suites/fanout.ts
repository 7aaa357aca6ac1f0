// B4: 1,000 sockets in one meeting; pushes written to the live topic at 50/s, as the projector writes them.
import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import { databaseName } from '@convene/shared/mongo';
import { createEventPublisher } from '@convene/shared/kafka';
import { createLogger } from '@convene/shared/log';
import { createLive, type NewPush } from '../../services/conference/src/live/index.js';
import { evolve, initialView } from '../../services/conference/src/readModel/index.js';
import type { BenchProcess } from '../lib/children.js';
import { api, tokenFor } from '../lib/api.js';
import { deleteTopics, dropDb, freshTopics } from '../lib/env.js';
import { benchCases, incidentOf, seeded } from '../lib/fixtures.js';
import type { BenchRun, CpuShares } from '../lib/run.js';
import type { CommandCost } from '../lib/dbProfile.js';
import { distribution, fmtInt, fmtMs, now, sleep, until, type Distribution } from '../lib/stats.js';
import { conferenceParams } from './ingest.js';

interface Delivery {
  deliveries: number;
  expected: number;
  missing: number;
  /** Sender started → push received, per push per client. */
  latency: Distribution;
  /** Push stored in the log (append resolved) → received: the fan-out alone. */
  fromStored: Distribution;
}

export interface FanoutResult {
  clients: number;
  /** Clients that joined within the join budget (the rest are not measured). */
  joined: number;
  rate: number;
  achievedRate: number;
  pushes: number;
  joinMs: number;
  /** How long writing a push to the live topic takes (the projector pays this once per batch). */
  append: Distribution;
  /** Whether the joins' presence announcements had stopped before the measured pushes began. */
  presenceSettled: boolean;
  /** Other pushes (presence) on the meeting's log during the measured window. */
  otherPushes: number;
  /** Pushes never sent because appending fell too far behind the rate. */
  notAppended: number;
  /** Where the conference waited on the database during the window (the live path should not). */
  db: CommandCost[];
  convene: Delivery;
  cpu: CpuShares;
  ceiling: Delivery & { achievedRate: number; cpu: CpuShares };
  ratio: number;
}

const chair = { sub: 'bench-chair', agency: 'conference', role: 'chair', name: 'Bench Chair' } as const;
const members = Array.from({ length: 10 }, (_, i) => ({ userId: `bench-member-${i}`, agency: 'police' as const, role: 'police' as const }));

/** A realistic timeline push: the entry the projector would push for a police incident. */
function samplePush(meetingId: string) {
  const c = benchCases(1)[0]!;
  const event = incidentOf(c, 1, seeded(5));
  const entry = evolve(initialView(c.caseRef), event).timeline[0]!;
  return { meetingId, kind: 'timeline.entry' as const, caseRef: c.caseRef, sharing: 'partnership' as const, audience: null, payload: { entry } };
}

async function drain(run: BenchRun, label: string, clients: BenchProcess, expected: number, drainS: number): Promise<void> {
  await until(async () => {
    const { total } = await clients.call<{ total: number }>('count');
    run.progress(label, `draining: ${fmtInt(total)}/${fmtInt(expected)} deliveries`);
    return total >= expected;
  }, 'every push to reach every client', drainS * 1000, 250).catch(() => undefined);
}

export interface FanoutOptions {
  clients: number;
  rate: number;
  durationS: number;
  /** Clients still not joined after this long are left out. */
  joinBudgetS: number;
  /** At most this long for the presence announcements of the joins to stop before measuring. */
  settleS: number;
  /** At most this long after the last push for every client to have it. */
  drainS: number;
  /** Appends running this far behind the schedule stop (the rest are counted as never sent). */
  lateS: number;
}

export async function fanout(run: BenchRun, kafka: Kafka, label: string, options: FanoutOptions): Promise<FanoutResult> {
  const stack = run.watchStack(label);
  const { prefix, all, topics } = await freshTopics(kafka);
  const conferenceArgs = conferenceParams(prefix, true);
  let conference: BenchProcess | undefined;
  let clients: BenchProcess | undefined;
  let plain: BenchProcess | undefined;
  let plainClients: BenchProcess | undefined;
  const count = Math.round(options.rate * options.durationS);
  try {
    // The plain socket.io server (the ceiling) starts now too, and idles until its turn.
    [conference, plain] = await run.startAll(label, [['conference', 'conference', conferenceArgs], ['plain socket.io', 'plainIo', {}]]);
    const dbName = String(conference.info.dbName);
    const chairApi = api(String(conference.info.url), await tokenFor(chair));
    const meeting = await chairApi.post('/meetings', { title: 'Bench fan-out', scheduledFor: new Date().toISOString(), members, agenda: [] });
    if (meeting.status !== 201) throw new Error(`meeting refused: ${meeting.status} ${JSON.stringify(meeting.body)}`);
    const meetingId = meeting.body.meetingId as string;
    await chairApi.post(`/meetings/${meetingId}/start`);

    const tokens = await Promise.all(members.map((m) => tokenFor({ sub: m.userId, agency: m.agency, role: m.role })));
    clients = await run.start(label, 'clients', 'clients', { url: conference.info.url, namespace: '/meetings', tokens, count: options.clients, meetingId, keyBy: 'sourceId', connectConcurrency: 50 });
    const clientsProc = clients;
    const joining = clients.call<{ connected: number; failed: number; firstError?: string; connectMs: number }>('connect', { deadlineMs: options.joinBudgetS * 1000 }, (options.joinBudgetS + 180) * 1000);
    let joinedAll = false;
    void joining.finally(() => { joinedAll = true; }).catch(() => undefined);
    while (!joinedAll) {
      await sleep(500);
      run.progress(`${label} join`, `${fmtInt(clientsProc.stats().values.sockets ?? 0)}/${fmtInt(options.clients)} sockets connected`);
    }
    const joined = await joining;
    if (joined.connected === 0) throw new Error(`no client could join: ${joined.firstError}`);
    run.say(`    ${label}: ${joined.connected} of ${options.clients} clients joined in ${(joined.connectMs / 1000).toFixed(1)} s${joined.failed ? ` (${joined.failed} failed: ${joined.firstError})` : ''}`);

    // Joins announce presence on the live topic: wait for that storm to pass before measuring. The bench plays
    // the projector's part with the conference's own live path (writer and reader), on the same topic.
    const publisher = await createEventPublisher(kafka);
    const live = createLive({ logger: createLogger('bench', { level: 'warn' }), retentionHours: 1, partitions: 1, instanceId: `bench-${randomUUID().slice(0, 8)}` });
    await live.start({ kafka, publisher, topics });
    let last = -1;
    const settled = await until(async () => {
      const seq = live.logs.latestSeq(meetingId);
      const quiet = seq === last;
      last = seq;
      run.progress(`${label} join`, `live log at seq ${seq} (presence announcements)`);
      return quiet;
    }, 'presence announcements to settle', options.settleS * 1000, 1000).catch(() => false);
    const pushesBefore = live.logs.since(meetingId, 0).length;
    if (!settled) run.say(`    ${label}: presence announcements still arriving after ${options.settleS} s (live log at seq ${live.logs.latestSeq(meetingId)}); measuring anyway`);

    const template = samplePush(meetingId);
    const sent: [string, number, number][] = [];
    const appendMs: number[] = [];
    const cpu = await run.cpuWindow([conference, clients]);
    await conference.call('dbProfile');
    const t0 = now();
    // Writes slower than the rate fall behind; past this point the rest are not sent (and counted).
    const sendUntil = t0 + (options.durationS + options.lateS) * 1000;
    let notAppended = 0;
    for (let i = 0; i < count; i++) {
      if (now() > sendUntil) {
        notAppended = count - i;
        run.say(`    ${label}: writes fell behind; ${notAppended} of ${count} pushes not sent by ${options.durationS + options.lateS} s`);
        break;
      }
      // Latency is counted from when the push was due, so a slow write cannot hide behind a lower rate.
      const due = t0 + (i * 1000) / options.rate;
      if (due - now() > 1) await sleep(due - now());
      const started = now();
      const ts = Math.min(due, started);
      const push: NewPush = { ...template, sourceId: randomUUID(), at: new Date().toISOString() };
      await live.pushes([push]);
      const tStored = now();
      appendMs.push(tStored - started);
      sent.push([push.sourceId, ts, tStored]);
      run.progress(label, `${fmtInt(i + 1)}/${fmtInt(count)} pushes written · ${((now() - t0) / 1000).toFixed(1)} s`);
    }
    const achievedRate = sent.length / ((now() - t0) / 1000);
    await drain(run, label, clients, sent.length * joined.connected, options.drainS);
    // Pushes on the log during the window that were not ours: presence announcements competing with them.
    const otherPushes = live.logs.since(meetingId, 0).length - pushesBefore - sent.length;
    const shares = await cpu.end();
    const dbCosts = await conference.call<CommandCost[]>('dbProfile');
    await live.stop();
    await publisher.disconnect();
    const convene = await clients.call<Delivery>('report', { sent }, 300_000);
    run.say(`    ${label}: p50 ${fmtMs(convene.latency.p50)} p99 ${fmtMs(convene.latency.p99)} max ${fmtMs(convene.latency.max)} (${convene.missing} missing); now plain socket.io`);
    // Ceiling: plain socket.io broadcasting the same payload to as many clients in one room. Its clients
    // start while Convene's processes stop; nothing is measured until both have.
    const stopping = run.stop(label, clients, conference);
    clients = conference = undefined;
    plainClients = await run.start(label, 'plain clients', 'clients', { url: plain.info.url, namespace: '/', tokens: ['none'], count: options.clients, keyBy: 'seq', connectConcurrency: 50 });
    await stopping;
    const plainJoined = await plainClients.call<{ connected: number }>('connect', { deadlineMs: options.joinBudgetS * 1000 }, (options.joinBudgetS + 180) * 1000);
    await sleep(run.quick ? 300 : 1000);
    const plainCpu = await run.cpuWindow([plain, plainClients]);
    const broadcast = await plain.call<{ sent: [string, number][]; achievedRate: number }>('broadcast', { payload: { ...template, sourceId: randomUUID() }, rate: options.rate, count }, (options.durationS + 120) * 1000);
    await drain(run, `${label} plain`, plainClients, broadcast.sent.length * plainJoined.connected, options.drainS);
    const plainShares = await plainCpu.end();
    const ceiling = await plainClients.call<Delivery>('report', { sent: broadcast.sent }, 300_000);
    await run.stop(label, plainClients, plain);
    plainClients = plain = undefined;

    return {
      clients: options.clients, joined: joined.connected, rate: options.rate, achievedRate, pushes: sent.length, joinMs: joined.connectMs,
      append: distribution(appendMs), presenceSettled: settled, otherPushes, notAppended, db: dbCosts,
      convene, cpu: shares, ceiling: { ...ceiling, achievedRate: broadcast.achievedRate, cpu: plainShares }, ratio: ceiling.latency.p99 / convene.latency.p99,
    };
  } finally {
    await run.stop(label, clients, conference, plainClients, plain);
    await dropDb(databaseName('conference', conferenceArgs.dbSuffix));
    await dropDb(databaseName('police', conferenceArgs.dbSuffix));
    await deleteTopics(kafka, all);
    stack.stop();
  }
}
