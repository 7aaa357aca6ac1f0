// B2: police API POST → outbox → relay → Kafka → conference → live topic → socket.io clients in the meeting.
import type { Kafka } from 'kafkajs';
import { databaseName } from '@convene/shared/mongo';
import type { BenchProcess } from '../lib/children.js';
import { api, tokenFor, type Api } from '../lib/api.js';
import { bounded, brokers, deleteTopics, dropDb, freshTopics, mongoUrl, PARTITIONS, uniqueId } from '../lib/env.js';
import type { BenchRun, CpuShares } from '../lib/run.js';
import type { CommandCost } from '../lib/dbProfile.js';
import { distribution, fmtInt, fmtMs, now, sleep, until, type Distribution } from '../lib/stats.js';
import { conferenceParams } from './ingest.js';
import { recordTimes } from '../lib/recordTimes.js';

export interface LiveRate {
  targetRate: number;
  achievedRate: number;
  durationS: number;
  clients: number;
  sent: number;
  /** Open-loop sends skipped because too many requests were already in flight (the API could not keep up). */
  skipped: number;
  /** POSTs with no answer within the drain time (left out of the latency figures). */
  unanswered: number;
  errors: number;
  deliveries: number;
  missing: number;
  /** POST sent → push received, per event per client. */
  latency: Distribution;
  /** POST sent → 201 received. */
  api: Distribution;
  /** POST sent → the event on the police topic (the relay's record timestamp). */
  toKafka: Distribution;
  /** POST sent → push stamped by the projector (the projector's `at`, ms resolution). */
  toPushLog: Distribution;
  cpu: CpuShares;
  /** Where the police service (API, recorder, relay) and the conference waited on the database. */
  db: { police: CommandCost[]; conference: CommandCost[] };
  /** How long each process's event loop was held up during the window (a 10 ms timer's lateness). */
  loopDelay?: { police: LoopDelay; conference: LoopDelay };
  kafka: { achievedRate: number; latency: Distribution };
}

export interface LoopDelay { p99Ms: number; maxMs: number }

const officer = { sub: 'bench-officer', agency: 'police', role: 'police' } as const;
const chair = { sub: 'bench-chair', agency: 'conference', role: 'chair', name: 'Bench Chair' } as const;
const members = Array.from({ length: 10 }, (_, i) => ({ userId: `bench-member-${i}`, agency: 'police' as const, role: 'police' as const }));

export interface Pair {
  subjects: { personId: string; role: 'victim' | 'suspect' }[];
  caseRef?: string;
}

export function incidentBody(pair: Pair, n: number) {
  return {
    subjects: pair.subjects, occurredAt: new Date(Date.now() - (n % 1000) * 60_000).toISOString(), behaviours: ['messages', 'following'],
    offenceClass: 'pha_s2', summary: `Live bench incident ${n}: unwanted messages and following reported by the victim.`, location: 'Leeds city centre',
  };
}

/** Open-loop load: one POST every 1/rate s whatever the responses do (no coordinated omission). */
export async function drive(run: BenchRun, label: string, police: Api, pairs: Pair[], rate: number, durationS: number, answerWithinS: number) {
  const total = Math.round(rate * durationS);
  const maxInFlight = Math.max(50, rate);
  const sent: [string, number][] = [];
  const apiLatency: number[] = [];
  let inFlight = 0;
  let skipped = 0;
  let errors = 0;
  let firstError: string | undefined;
  const pending: Promise<void>[] = [];
  const t0 = now();
  for (let i = 0; i < total; i++) {
    const wait = t0 + (i * 1000) / rate - now();
    if (wait > 1) await sleep(wait);
    if (inFlight >= maxInFlight) {
      skipped++;
      continue;
    }
    inFlight++;
    const ts = now();
    pending.push(police.post('/incidents', incidentBody(pairs[i % pairs.length]!, i)).then((res) => {
      apiLatency.push(now() - ts);
      if (res.status === 201 && res.body.published) sent.push([res.body.eventId as string, ts]);
      else {
        errors++;
        firstError ??= `${res.status} ${JSON.stringify(res.body).slice(0, 200)}`;
      }
    }, (err: unknown) => {
      errors++;
      firstError ??= (err as Error).message;
    }).finally(() => {
      inFlight--;
    }));
    run.progress(label, `${fmtInt(i + 1)}/${fmtInt(total)} posted · ${((now() - t0) / 1000).toFixed(1)} s · in flight ${inFlight}`);
  }
  // The rate the generator offered: POSTs sent over the sending window (responses may come later).
  const elapsed = Math.max((now() - t0) / 1000, durationS);
  const answered = await bounded(Promise.all(pending).then(() => true), answerWithinS * 1000);
  // POSTs still unanswered by then are left out of every figure but this count.
  const unanswered = answered ? 0 : inFlight;
  if (unanswered) run.say(`    ${label}: ${unanswered} POSTs still unanswered ${answerWithinS} s after the last was sent`);
  if (firstError) run.say(`    ${label}: ${errors} failed requests, first: ${firstError}`);
  return { sent: [...sent], apiLatency: [...apiLatency], skipped, errors, unanswered, accepted: sent.length, achievedRate: (total - skipped) / elapsed };
}

/**
 * Listed cases at the police: people, a referral each, and the listing back from the conference (an incident
 * posted once it is there carries the case reference). Goes on with the cases listed in time, at least one.
 */
export async function listedCases(run: BenchRun, label: string, policeApi: Api, count: number): Promise<Pair[]> {
  const pairs: Pair[] = [];
  for (let i = 0; i < count; i++) {
    const family = `Live${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`;
    const victim = await policeApi.post('/people', { given: 'Victim', family, dateOfBirth: '1986-05-20' });
    const suspect = await policeApi.post('/people', { given: 'Suspect', family, dateOfBirth: '1980-08-09' });
    if (victim.status !== 201 || suspect.status !== 201) throw new Error(`could not add people: ${victim.status} ${JSON.stringify(victim.body)}`);
    const pair: Pair = { subjects: [{ personId: victim.body.personId, role: 'victim' }, { personId: suspect.body.personId, role: 'suspect' }] };
    const referral = await policeApi.post('/referrals', { subjects: pair.subjects, criterion: 'high_risk', reason: 'Bench referral: escalating stalking' });
    if (referral.status !== 201) throw new Error(`referral refused: ${referral.status} ${JSON.stringify(referral.body)}`);
    pairs.push(pair);
  }
  let setupPosts = 0;
  await until(async () => {
    for (const pair of pairs.filter((p) => !p.caseRef)) {
      const res = await policeApi.post('/incidents', incidentBody(pair, setupPosts++));
      if (res.status === 201 && res.body.caseRef) pair.caseRef = res.body.caseRef;
    }
    run.progress(`${label} setup`, `${pairs.filter((p) => p.caseRef).length}/${pairs.length} cases listed at the police`);
    return pairs.every((p) => p.caseRef);
  }, 'every referral to come back as a listing', (run.quick ? 30 : 180) * 1000, 1000).catch((err: unknown) => {
    // Go on with the cases that were listed in time (at least one is needed).
    if (!pairs.some((p) => p.caseRef)) throw err;
    run.say(`    ${label}: ${pairs.filter((p) => p.caseRef).length} of ${pairs.length} cases listed in time; going on with those`);
    pairs.splice(0, pairs.length, ...pairs.filter((p) => p.caseRef));
  });
  return pairs;
}

export interface LiveOptions {
  clients: number;
  /** Seconds of load at each rate. */
  durationS: number[];
  cases: number;
  warmUpS: number;
  /** After each rate: at most this long for every push to arrive, and for the pipeline to be idle again. */
  drainS: number;
}

/**
 * Wait until the police relay has published everything the API accepted and the conference has stopped
 * applying (two quiet readings in a row), so the next rate does not start behind the previous one's backlog.
 */
async function settle(run: BenchRun, label: string, police: BenchProcess, conference: BenchProcess, accepted: number, budgetMs: number): Promise<boolean> {
  let last = -1;
  let quiet = 0;
  const deadline = now() + budgetMs;
  while (now() < deadline) {
    const published = police.stats().values.published ?? 0;
    const applied = conference.stats().values.applied ?? 0;
    quiet = applied === last && published >= accepted ? quiet + 1 : 0;
    if (quiet >= 2) return true;
    last = applied;
    run.progress(label, `settling: relay published ${fmtInt(published)}/${fmtInt(accepted)}, conference applied ${fmtInt(applied)}`);
    await sleep(500);
  }
  return false;
}

export async function live(run: BenchRun, kafka: Kafka, label: string, rates: number[], options: LiveOptions): Promise<LiveRate[]> {
  const stack = run.watchStack(label);
  const { prefix, all, topics } = await freshTopics(kafka);
  const conferenceArgs = conferenceParams(prefix, true);
  let conference: BenchProcess | undefined;
  let police: BenchProcess | undefined;
  let clients: BenchProcess | undefined;
  let raw: BenchProcess | undefined;
  const results: LiveRate[] = [];
  try {
    // The raw Kafka process (the ceiling, measured at the end) starts now too and idles until then.
    [conference, police, raw] = await run.startAll(label, [
      ['conference', 'conference', conferenceArgs],
      ['police', 'police', { brokers, mongoUrl, prefix, dbSuffix: conferenceArgs.dbSuffix, groupId: uniqueId('bench-police-'), partitions: PARTITIONS, logLevel: 'info' }],
      ['raw kafka latency', 'raw', { brokers, mongoUrl }],
    ]);
    const policeApi = api(String(police.info.url), await tokenFor(officer));
    const chairApi = api(String(conference.info.url), await tokenFor(chair));

    const pairs = await listedCases(run, label, policeApi, options.cases);
    const meeting = await chairApi.post('/meetings', { title: 'Bench MARAC', scheduledFor: new Date().toISOString(), members, agenda: pairs.map((p) => p.caseRef) });
    if (meeting.status !== 201) throw new Error(`meeting refused: ${meeting.status} ${JSON.stringify(meeting.body)}`);
    const meetingId = meeting.body.meetingId as string;
    const started = await chairApi.post(`/meetings/${meetingId}/start`);
    if (started.status !== 200) throw new Error(`meeting did not start: ${started.status} ${JSON.stringify(started.body)}`);

    const tokens = await Promise.all(members.map((m) => tokenFor({ sub: m.userId, agency: m.agency, role: m.role })));
    clients = await run.start(label, 'clients', 'clients', { url: conference.info.url, namespace: '/meetings', tokens, count: options.clients, meetingId, keyBy: 'eventId', connectConcurrency: 25 });
    const joined = await clients.call<{ connected: number; failed: number; firstError?: string; connectMs: number }>('connect', undefined, 300_000);
    if (joined.failed > 0) throw new Error(`${joined.failed} clients could not join: ${joined.firstError}`);
    run.say(`    ${label}: ${options.cases} listed cases on the agenda, ${joined.connected} clients joined in ${(joined.connectMs / 1000).toFixed(1)} s`);

    // Warm-up (connections, JIT, caches), not measured.
    const warm = await drive(run, `${label} warm-up`, policeApi, pairs, 20, options.warmUpS, options.drainS);
    let accepted = warm.accepted + pairs.length;
    await settle(run, `${label} warm-up`, police, conference, accepted, options.drainS * 1000);

    for (const [i, rate] of rates.entries()) {
      const durationS = options.durationS[i] ?? options.durationS[0]!;
      const rateLabel = `${label} @${rate}/s`;
      await clients.call('reset');
      const clientsProc = clients;
      const cpu = await run.cpuWindow([conference, police, clients]);
      await Promise.all([police.call('dbProfile'), conference.call('dbProfile'), police.call('loopDelay'), conference.call('loopDelay')]);
      const load = await drive(run, rateLabel, policeApi, pairs, rate, durationS, options.drainS);
      accepted += load.accepted;
      const expected = load.sent.length * options.clients;
      const drained = await until(async () => {
        const { total } = await clientsProc.call<{ total: number }>('count');
        run.progress(rateLabel, `draining: ${fmtInt(total)}/${fmtInt(expected)} deliveries`);
        return total >= expected;
      }, 'every push to reach every client', options.drainS * 1000, 250).catch(() => false);
      const shares = await cpu.end();
      const [policeDb, conferenceDb, policeLoop, conferenceLoop] = await Promise.all([
        police.call<CommandCost[]>('dbProfile'), conference.call<CommandCost[]>('dbProfile'), police.call<LoopDelay>('loopDelay'), conference.call<LoopDelay>('loopDelay'),
      ]);
      if (!drained) run.say(`    ${rateLabel}: not every push arrived within ${options.drainS} s of the last POST (counted as missing)`);
      const report = await clients.call<{ deliveries: number; missing: number; latency: Distribution; stampLag: Distribution }>('report', { sent: load.sent }, 120_000);
      const onTopic = await recordTimes(kafka, topics.events.police, load.sent.map(([id]) => id), (v) => (typeof v.id === 'string' ? v.id : undefined));
      const toKafka = load.sent.flatMap(([id, t0]) => (onTopic.has(id) ? [onTopic.get(id)! - t0] : []));
      results.push({
        targetRate: rate, achievedRate: load.achievedRate, durationS, clients: options.clients, sent: load.sent.length, skipped: load.skipped, errors: load.errors, unanswered: load.unanswered,
        deliveries: report.deliveries, missing: report.missing, latency: report.latency, api: distribution(load.apiLatency), toKafka: distribution(toKafka), toPushLog: report.stampLag, cpu: shares,
        kafka: { achievedRate: NaN, latency: distribution([]) }, db: { police: policeDb, conference: conferenceDb },
        loopDelay: { police: policeLoop, conference: conferenceLoop },
      });
      run.say(`    ${rateLabel}: ${fmtInt(load.sent.length)} events at ${fmtInt(load.achievedRate)}/s; p50 ${fmtMs(report.latency.p50)} p99 ${fmtMs(report.latency.p99)} max ${fmtMs(report.latency.max)} over ${fmtInt(report.deliveries)} deliveries (${fmtInt(report.missing)} missing); stages p50/p99: API ${fmtMs(results.at(-1)!.api.p50)}/${fmtMs(results.at(-1)!.api.p99)}, police topic ${fmtMs(results.at(-1)!.toKafka.p50)}/${fmtMs(results.at(-1)!.toKafka.p99)}, live topic ${fmtMs(results.at(-1)!.toPushLog.p50)}/${fmtMs(results.at(-1)!.toPushLog.p99)}; event loop held up p99/max: police ${fmtMs(policeLoop.p99Ms)}/${fmtMs(policeLoop.maxMs)}, conference ${fmtMs(conferenceLoop.p99Ms)}/${fmtMs(conferenceLoop.maxMs)}`);
      // The next rate starts on an idle pipeline, not behind this one's backlog.
      if (i < rates.length - 1 && !(await settle(run, rateLabel, police, conference, accepted, options.drainS * 1000))) {
        run.say(`    ${rateLabel}: the pipeline was still busy ${options.drainS} s later; the next rate starts behind a backlog`);
      }
    }
    await run.stop(label, clients, police, conference);
    clients = police = conference = undefined;

    // Kafka's own produce→consume latency at the same rates, in the same run.
    for (const [i, rate] of rates.entries()) {
      const durationS = Math.min(options.durationS[i] ?? options.durationS[0]!, 20);
      run.progress(`${label} kafka`, `Kafka alone at ${fmtInt(rate)}/s for ${durationS} s`, true);
      const k = await raw.call<{ achievedRate: number; latency: Distribution }>('latency', { rate, durationS, topic: `rawbench${uniqueId('')}`, partitions: PARTITIONS }, (durationS + 90) * 1000);
      results[i]!.kafka = k;
    }
    await run.stop(label, raw);
    raw = undefined;
    return results;
  } finally {
    await run.stop(label, clients, police, conference, raw);
    await dropDb(databaseName('conference', conferenceArgs.dbSuffix));
    await dropDb(databaseName('police', conferenceArgs.dbSuffix));
    await deleteTopics(kafka, all);
    stack.stop();
  }
}
