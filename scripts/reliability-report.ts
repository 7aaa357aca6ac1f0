// Writes docs/reliability.md from the figures the last full reliability run left in tests/reliability:
// last-run.json (faults during load, tests/reliability/faults.rel.spec.ts), last-hostile.json (hostile input,
// security-hostile.rel.spec.ts) and last-poison.json (Kafka poison, kafka-poison.rel.spec.ts). A file that is
// missing leaves its section saying so. `npm run docs:reliability`; `--check` exits 1 if the file is stale.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FERRETDB_VERSION, KAFKA_VERSION } from '../infra/local/paths.js';

export const RELIABILITY_DOC = fileURLToPath(new URL('../docs/reliability.md', import.meta.url));
const FIGURES = fileURLToPath(new URL('../tests/reliability/', import.meta.url));

interface Machine { platform: string; cores?: number; cpu: string; memoryGb: number; node: string }
interface Digest { cases: number; appliedIds: number; timelineEntries: number; sha256: string }
interface FaultFigures {
  date: string;
  machine: Machine;
  eventsSent: number;
  acknowledged: number;
  byRoute: Record<'api' | 'outbox' | 'bus', { sent: number; acknowledged: number; unknown: number }>;
  unknownOutcome: { total: number; recorded: number; notRecorded: number };
  refused: number;
  expectedInReadModel: number;
  lost: number;
  duplicated: number;
  misplaced?: number;
  faultsInjected: Record<string, number>;
  faults: { kind: string; atSecond: number; durationMs: number; liveBackMs?: number | null; detail: string }[];
  unexpectedExits: string[];
  bus: { police: number; distinctPolice: number; deadLettered: number };
  readModel: Digest;
  replay: Digest & { viewsEqual: boolean; differingCases: string[]; messages: number; distinctEvents: number; deadLettered: number };
  /** `seqGaps` in runs before the live path moved to Kafka (a push log with contiguous seqs); `outOfOrder` since. */
  pushLog: { pushes: number; seqGaps?: number; outOfOrder?: number; duplicateTimelinePushes: number; missingTimelinePushes: number };
  /** The database stand-in of the fault stack; absent in runs before it was recorded (FerretDB then). */
  database?: string;
  sockets: { client: string; sessions: number; reconnects: number; received: number; missed: number; duplicates: number; outOfOrder: number }[];
  plan: { events: number; ratePerSec: number; cases: number; agendaCases: number; routes: Record<string, number>; faults: string[] };
  durations: Record<string, number>;
  drainError?: string;
}
interface HostileFigures { date: string; machine: Machine; seed: number; httpRequests: number; byStatus: Record<string, number>; http5xx: number; socketMessages: number; socketAcks: Record<string, number>; nodeHeaderLimit431: number }
/** One consumer's poison run: for the conference, incidents applied; for police, listings answered by a research return. */
interface ConsumerPoison { badSent: number; goodSent: number; duplicatesSent: number; deadLettered: number; byReason: Record<string, number>; goodApplied: number }

interface PoisonFigures {
  date: string;
  machine: Machine;
  perConsumer: number;
  conference?: ConsumerPoison;
  police?: ConsumerPoison;
}

function read<T>(name: string): T | undefined {
  const file = `${FIGURES}${name}`;
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : undefined;
}

const n = (x: number) => x.toLocaleString('en-GB');
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const day = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
const machineLine = (m: Machine) => `${m.cores ?? m.cpu.split(' ')[0]} cores (${m.cpu.replace(/^\d+ × /, '')}), ${m.memoryGb} GB RAM, Node ${m.node}, ${m.platform}`;
const KIND: Record<string, string> = {
  'conference-kill9': 'conference killed with `kill -9` (restarted by the test, as a supervisor would)',
  'police-crash-after-append': 'police killed between insert and publish (a test hook on the recorder\'s diagnostics channel, `tests/support/hooks`: SIGKILL right after the outbox insert)',
  'kafka-restart': 'Kafka broker stopped (SIGTERM) and started again on its data',
  'mongo-restart': 'the database stopped (SIGTERM) and started again on its data',
};

function faultsSection(f: FaultFigures | undefined): string[] {
  if (!f) return ['_No figures yet: run `npm run test:reliability` (or `npx vitest run --project reliability tests/reliability/faults.rel.spec.ts`), then `npm run docs:reliability`._', ''];
  const socketsOk = f.sockets.every((x) => x.missed === 0 && x.duplicates === 0 && x.outOfOrder === 0);
  const passed = !f.drainError && f.lost === 0 && f.duplicated === 0 && (f.misplaced ?? 0) === 0 && f.replay.viewsEqual && f.replay.sha256 === f.readModel.sha256
    && (f.pushLog.outOfOrder ?? f.pushLog.seqGaps ?? 0) === 0 && f.pushLog.duplicateTimelinePushes === 0 && f.pushLog.missingTimelinePushes === 0 && socketsOk && f.unexpectedExits.length === 0 && f.bus.deadLettered === 0;
  const totalFaults = Object.values(f.faultsInjected).reduce((a, b) => a + b, 0);
  const route = (r: 'api' | 'outbox' | 'bus') => f.byRoute[r];
  return [
    `Run of **${day(f.date)}** on ${machineLine(f.machine)}; Kafka ${KAFKA_VERSION} (KRaft, one node) and ${f.database ?? `FerretDB ${FERRETDB_VERSION.replace(/\.0$/, '')} (SQLite backend)`} of the fault test's own stack on 127.0.0.1. Result: **${passed ? 'passed' : 'FAILED'}**${f.drainError ? ` (${f.drainError})` : ''}.`,
    '',
    `Plan: ${n(f.plan.events)} police incidents at ${f.plan.ratePerSec}/s about ${f.plan.cases} listed cases (${f.plan.agendaCases} on the agenda of a running meeting with two socket clients), split ${f.plan.routes.api} : ${f.plan.routes.outbox} : ${f.plan.routes.bus} between the police API, the police outbox and the police topic; ${totalFaults} faults.`,
    '',
    '| events | figure |',
    '|---|---:|',
    `| sent | ${n(f.eventsSent)} |`,
    `| acknowledged (201 from the API, insert into the outbox done, or publish acked by Kafka) | ${n(f.acknowledged)} |`,
    `| outcome unknown (connection lost or 5xx while a service or server was down) | ${n(f.unknownOutcome.total)}: ${n(f.unknownOutcome.recorded)} recorded, ${n(f.unknownOutcome.notRecorded)} not |`,
    `| refused (4xx) | ${n(f.refused)} |`,
    `| expected in the read model (every recorded, publishable event) | ${n(f.expectedInReadModel)} |`,
    `| **lost** | **${n(f.lost)}** |`,
    `| **duplicated** (applied twice, or a timeline entry twice) | **${n(f.duplicated)}** |`,
    `| filed under the wrong case | ${n(f.misplaced ?? 0)} |`,
    '',
    `By route: police API ${n(route('api').sent)} sent, ${n(route('api').acknowledged)} acknowledged, ${n(route('api').unknown)} unknown; police outbox ${n(route('outbox').sent)} / ${n(route('outbox').acknowledged)} / ${n(route('outbox').unknown)}; police topic ${n(route('bus').sent)} / ${n(route('bus').acknowledged)} / ${n(route('bus').unknown)}. An unknown outcome is counted as lost only if the incident is in the police outbox and never reaches the read model; one that was never recorded is not an event.`,
    '',
    '### Faults injected',
    '',
    'The fault is over when the service answers HTTP again (a restart) or the broker or database is ready again; the live path is back when a socket client is given a push made after the fault started.',
    '',
    '| # | fault | started (s into the load) | over after | live path back after | what happened |',
    '|---:|---|---:|---:|---:|---|',
    ...[...f.faults].sort((a, b) => a.atSecond - b.atSecond).map((x, i) => `| ${i + 1} | ${KIND[x.kind] ?? x.kind} | ${x.atSecond.toFixed(1)} | ${s(x.durationMs)} | ${x.liveBackMs === undefined ? 'not measured in this run' : x.liveBackMs === null ? 'not within 60 s' : s(x.liveBackMs)} | ${x.detail} |`),
    '',
    `Services that died on their own: ${f.unexpectedExits.length === 0 ? 'none' : f.unexpectedExits.join('; ')}.`,
    '',
    '### Kafka and the dead-letter topic',
    '',
    `- police topic: ${n(f.bus.police)} messages holding ${n(f.bus.distinctPolice)} distinct events (the difference is resends after a failure: the relay and the producer send again what Kafka may already have; consumers apply by event id);`,
    `- dead-lettered during the run: **${n(f.bus.deadLettered)}**; during the clean replay: **${n(f.replay.deadLettered)}**.`,
    '',
    '### Read model against a clean replay',
    '',
    'A fresh database and fresh consumer groups read every topic from offset 0 through the conference\'s own projector (conference topic first, then the agencies\'), and the views are compared case by case (canonical JSON) and by checksum (sha256 over each case\'s applied ids and timeline ids).',
    '',
    '| | cases | applied ids | timeline entries | sha256 |',
    '|---|---:|---:|---:|---|',
    `| read model after the faults | ${f.readModel.cases} | ${n(f.readModel.appliedIds)} | ${n(f.readModel.timelineEntries)} | \`${f.readModel.sha256.slice(0, 16)}…\` |`,
    `| clean replay | ${f.replay.cases} | ${n(f.replay.appliedIds)} | ${n(f.replay.timelineEntries)} | \`${f.replay.sha256.slice(0, 16)}…\` |`,
    '',
    `Views equal: **${f.replay.viewsEqual ? 'yes, every case' : `no: ${f.replay.differingCases.join(', ')}`}** (the replay read ${n(f.replay.messages)} messages, ${n(f.replay.distinctEvents)} distinct events).`,
    '',
    '### Meeting pushes and socket clients',
    '',
    f.pushLog.outOfOrder === undefined
      ? `Push log (in the database, before the live path moved to Kafka): ${n(f.pushLog.pushes)} pushes, ${f.pushLog.seqGaps ?? 0} gaps in the sequence, ${f.pushLog.duplicateTimelinePushes} timeline entries pushed twice, ${f.pushLog.missingTimelinePushes} never pushed.`
      : `The meeting on the live topic, as a conference instance starting afterwards reads it: ${n(f.pushLog.pushes)} pushes, ${f.pushLog.outOfOrder} out of order, ${f.pushLog.duplicateTimelinePushes} timeline entries pushed twice, ${f.pushLog.missingTimelinePushes} never pushed.`,
    '',
    '| client | connections | pushes received | missed | twice | out of order |',
    '|---|---:|---:|---:|---:|---:|',
    ...f.sockets.map((x) => `| ${x.client} | ${x.sessions} (${x.reconnects} reconnects, resuming from their last seq) | ${n(x.received)} | ${x.missed} | ${x.duplicates} | ${x.outOfOrder} |`),
    '',
    `Durations: ${Object.entries(f.durations).map(([k, v]) => `${k.replace(/Ms$/, '')} ${s(v)}`).join(', ')}.`,
    '',
  ];
}

function poisonRow(consumer: string, c: ConsumerPoison): string {
  const reasons = Object.entries(c.byReason).map(([k, v]) => `${k} ${n(v)}`).join(', ');
  return `| ${consumer} | ${n(c.badSent)} | ${n(c.deadLettered)} | ${reasons} | ${n(c.goodApplied)} of ${n(c.goodSent)} (+${n(c.duplicatesSent)} duplicates, applied once) |`;
}

function securitySection(h: HostileFigures | undefined, p: PoisonFigures | undefined): string[] {
  const hostile = h
    ? [
        `Run of ${day(h.date)} on ${machineLine(h.machine)} (fast-check seed ${h.seed}).`,
        '',
        '| hostile inputs | figure |',
        '|---|---:|',
        `| HTTP requests tried (every operation of the five services) | ${n(h.httpRequests)} |`,
        `| socket messages tried | ${n(h.socketMessages)} |`,
        `| **5xx seen** | **${n(h.http5xx)}** |`,
        `| answers by status | ${Object.entries(h.byStatus).map(([k, v]) => `${k}: ${n(v)}`).join(', ')} |`,
        `| of which 431 from Node's header limit | ${n(h.nodeHeaderLimit431)} |`,
        `| socket acknowledgements | ${Object.entries(h.socketAcks).map(([k, v]) => `${k}: ${n(v)}`).join(', ')} |`,
        '',
      ]
    : ['| hostile inputs | figure |', '|---|---:|', '| HTTP requests tried | _to be filled: run `npm run test:reliability`_ |', '| socket messages tried | _to be filled_ |', '| 5xx seen | _to be filled_ |', ''];
  const poison = p?.conference
    ? [
        `Run of ${day(p.date)}: per consumer, ${n(p.perConsumer)} bad messages mixed with ${n(p.perConsumer)} good ones, some good ones sent twice and out of order.`,
        '',
        '| poison | bad sent | dead-lettered | by reason | good applied |',
        '|---|---:|---:|---|---:|',
        poisonRow('conference consumer (police topic; good = incidents applied to the case)', p.conference),
        ...(p.police ? [poisonRow('police consumer (conference topic; good = listings answered with one research return)', p.police)] : []),
        '',
      ]
    : ['| poison | bad sent | dead-lettered (DLQ) |', '|---|---:|---:|', '| conference consumer | _to be filled_ | _to be filled_ |', '| police consumer | _to be filled_ | _to be filled_ |', ''];
  return [...hostile, ...poison];
}

export function reliabilityMarkdown(): string {
  const faults = read<FaultFigures>('last-run.json');
  return [
    '# Reliability',
    '',
    '<!-- Generated by `npm run docs:reliability` (scripts/reliability-report.ts) from tests/reliability/last-*.json, which the full runs write. Do not edit by hand. -->',
    '',
    '`npm run test:reliability` runs the full suite: faults during load (below), the authorisation matrix, hostile',
    'input, schemathesis and Kafka poison. `npm test` runs a short version of each (for faults:',
    '`tests/integration/faults.int.spec.ts`, 1,000 events with each fault once). This file holds the figures of the',
    'last full run.',
    '',
    '## Faults during load',
    '',
    'The fault test runs on a stack of its own (Kafka and the database stand-in on other loopback ports, under another name and',
    'data folder, started and stopped through `infra/local`), never the shared one; conference and police run as',
    'real processes. Every fault is bounded in count and time, and everything listens on 127.0.0.1 only.',
    '',
    ...faultsSection(faults),
    '## Security figures',
    '',
    ...securitySection(read<HostileFigures>('last-hostile.json'), read<PoisonFigures>('last-poison.json')),
    '## What the fault runs found',
    '',
    'Fixed in the services (each was found by these tests and is covered by them):',
    '',
    '- **The database connection never came back after FerretDB restarted** (`shared/src/mongo/index.ts`). The MongoDB',
    '  driver streamed server monitoring (FerretDB advertises `topologyVersion`) and, after the restart, never checked',
    '  the server again: every operation failed with the old "connection closed" error until the process was restarted.',
    '  Polling monitoring fixed most of it; the rest is a driver hang (a heartbeat written to a socket that is being',
    '  closed waits for a `drain` event that never comes), which a small watchdog now detects and answers by restarting',
    '  the server monitor.',
    '- **The outbox relay stopped publishing after a Kafka restart** (`shared/src/kafka/producer.ts`). kafkajs\'s',
    '  idempotent producer lost step with the broker\'s sequence numbers and failed every later send with',
    '  `OUT_OF_ORDER_SEQUENCE_NUMBER`; the publisher now replaces the producer after such an error (a resend may',
    '  duplicate a message on the topic, which consumers ignore by event id).',
    '- **Each meeting push read the whole push log** (`services/conference/src/db/pushes.ts`,',
    '  `realtime/feed.ts`, `projection/projector.ts`). On FerretDB only lookups by `_id` use an index, so finding the',
    '  latest sequence number and checking for a duplicate scanned every push, and the socket feed did the same every',
    '  50 ms: the consumer fell minutes behind under load. Appends now use the last sequence number this process',
    '  wrote (a collision still reads the log) and the unique index for duplicates; the feed takes the next pushes by',
    '  `_id` and reads the log in full only every 2 s; running meetings are looked up once per case per batch.',
    '- **An event whose projection failed mid-request was never published** (`shared/src/eventlog/projectionRepair.ts`).',
    '  Since the outbox publishes only what the agency\'s read model shows, a `POST` that recorded its event while',
    '  FerretDB was restarting, then failed to project it, left the event waiting until the next start-up; the full',
    '  run\'s drain timed out on that one event. A repair pass now projects such events every 10 s.',
    '- **The police consumer took minutes over 1,000 listings** (`shared/src/eventlog/eventStore.ts`, `listings.ts`,',
    '  the agencies\' `db/records.ts`). Every record marked itself projected and then sent with updates of the',
    '  agency\'s whole event log, and every listing or new record was an upsert; on FerretDB each update reads the',
    '  whole collection. The event log is now insert-only beside a small outbox, and new documents are inserted',
    '  (an update only when the document is already there).',
    '',
    '## Known limits',
    '',
    '- A service killed with `kill -9` stays a member of its consumer group until its session times out (30 s), and a',
    '  restarted service joins its group before it starts listening: after a crash the conference (or police) answers',
    '  HTTP and sockets again only after ~30 s, and its group consumes nothing meanwhile. A Kafka restart stalls the',
    '  conference\'s group for as long (the consumer restarts and rejoins as a new member).',
    '- Case views are rewritten whole on every batch; on FerretDB the conference\'s throughput falls as the views grow',
    '  (see docs/performance.md), which is what sets the length of the drain after the last fault.',
    '- Research on FerretDB reads the agency\'s whole event log for each listing (only `_id` lookups use an index there),',
    '  so the police half of the poison run (1,000 listings) takes about four minutes of the suite\'s fifteen.',
    '- The figures depend on the machine and on what else runs on it: other test runs shared its two cores.',
    '',
  ].join('\n');
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const expected = reliabilityMarkdown();
  if (process.argv.includes('--check')) {
    if (!existsSync(RELIABILITY_DOC) || readFileSync(RELIABILITY_DOC, 'utf8') !== expected) {
      console.error('docs/reliability.md is stale: run `npm run docs:reliability`');
      process.exit(1);
    }
    console.log('docs/reliability.md is up to date');
  } else {
    writeFileSync(RELIABILITY_DOC, expected);
    console.log('wrote docs/reliability.md');
  }
}
