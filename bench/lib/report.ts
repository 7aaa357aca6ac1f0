import type { IngestResult } from '../suites/ingest.js';
import type { ReplayResult } from '../suites/replay.js';
import type { LiveRate } from '../suites/live.js';
import type { FanoutResult } from '../suites/fanout.js';
import type { ApiRate } from '../suites/policeApi.js';
import type { ProcessRecord, CpuShares } from './run.js';
import type { CommandCost } from './dbProfile.js';
import { fmtInt, fmtMb, fmtMs } from './stats.js';

export interface Results {
  mode: 'full' | 'quick';
  startedAt: string;
  finishedAt?: string;
  durationS?: number;
  machine: Record<string, unknown>;
  sizes: { b1: number[]; b1Headline: number; b3Headline: number };
  /** Listed cases the B1/B3 incidents are spread over. */
  cases?: number;
  b1: Record<string, IngestResult>;
  b3: Record<string, ReplayResult>;
  b2: LiveRate[];
  b4?: FanoutResult;
  b6?: ApiRate[];
  processes: ProcessRecord[];
  errors: { benchmark: string; error: string }[];
  table?: Row[];
}

export interface Row {
  id: string;
  what: string;
  figure: string;
  ceiling: string;
  ratio: string;
  goal: string;
  met: 'yes' | 'no' | '–';
  /** What the run measured about where the time went (busiest process, costliest database commands). */
  evidence: string;
}

const pct = (x: number) => (!Number.isFinite(x) ? '–' : x < 0.01 ? `${(x * 100).toFixed(2)} %` : `${Math.round(x * 100)} %`);
/** Events per second: one decimal below 10 (a budget that ran out can leave 1.4 ev/s). */
const evs = (n: number) => (Number.isFinite(n) && n < 10 ? `${n.toFixed(1)} ev/s` : `${fmtInt(n)} ev/s`);
const lat = (d: { p50: number; p95: number; p99: number; max: number }) => `p50 ${fmtMs(d.p50)} · p95 ${fmtMs(d.p95)} · p99 ${fmtMs(d.p99)} · max ${fmtMs(d.max)}`;
export const k = (n: number) => (n >= 1000 ? `${n / 1000}k` : String(n));

/** "ferretdb 81 %, conference 18 %" — the busiest processes of a measured window. */
function busiest(cpu: CpuShares | undefined, top = 3): string {
  if (!cpu) return '';
  return Object.entries(cpu).filter(([n]) => n !== 'whole machine' && n !== 'runner').sort((a, b) => b[1] - a[1]).slice(0, top).map(([n, v]) => `${n} ${v} %`).join(', ');
}

function topCost(costs: CommandCost[] | undefined): string {
  const c = costs?.[0];
  return c ? `${c.command} ×${fmtInt(c.count)} = ${(c.totalMs / 1000).toFixed(1)} s (max ${fmtInt(c.maxMs)} ms)` : 'no database commands';
}

export function rows(r: Results): Row[] {
  const out: Row[] = [];
  const b1 = r.b1[r.sizes.b1Headline];
  if (b1) {
    out.push({
      id: 'B1', what: `ingest ${k(b1.events)} events, outbox → Kafka → read model${b1.complete ? '' : ` (budget ran out: ${fmtInt(b1.applied)} applied)`}`, figure: evs(b1.rate),
      ceiling: `${fmtInt(b1.ceiling.rate)} ev/s (raw sendBatch + eachBatch + insertMany${b1.ceiling.complete === false ? `; ran out of time at ${fmtInt(b1.ceiling.stored)}` : ''})`, ratio: pct(b1.ratio), goal: '≥ 50 % of raw', met: b1.ratio >= 0.5 && b1.complete ? 'yes' : 'no',
      evidence: `CPU ${busiest(b1.cpu)}; relay waited on ${topCost(b1.db.relay)}; conference waited on ${topCost(b1.db.conference)}`,
    });
  }
  for (const [i, b2] of r.b2.entries()) {
    const first = i === 0;
    const missing = b2.missing > 0 ? ` · ${fmtInt(b2.missing)} of ${fmtInt(b2.sent * b2.clients)} deliveries missing` : '';
    out.push({
      id: 'B2', what: `live latency, ${b2.clients} clients @ ${fmtInt(b2.targetRate)} ev/s (POSTs sent at ${fmtInt(b2.achievedRate)}/s, ${fmtInt(b2.sent)} events published)`, figure: `${lat(b2.latency)}${missing}`,
      ceiling: `Kafka alone: ${lat(b2.kafka.latency)}`, ratio: '–',
      goal: first ? 'p99 ≤ 100 ms @ 100 ev/s' : 'reported (half of B1)', met: first ? (b2.latency.p99 <= 100 && b2.missing === 0 && b2.skipped === 0 && !b2.unanswered && b2.errors === 0 ? 'yes' : 'no') : '–',
      evidence: `API POST p99 ${fmtMs(b2.api.p99)}; POST → police topic p50 ${b2.toKafka ? fmtMs(b2.toKafka.p50) : '–'} p99 ${b2.toKafka ? fmtMs(b2.toKafka.p99) : '–'}; POST → live topic p50 ${fmtMs(b2.toPushLog.p50)} p99 ${fmtMs(b2.toPushLog.p99)}; ${b2.skipped ? `${fmtInt(b2.skipped)} POSTs not sent (the API had ${b2.targetRate >= 50 ? fmtInt(b2.targetRate) : 50} unanswered already); ` : ''}${b2.errors ? `${fmtInt(b2.errors)} failed; ` : ''}${b2.unanswered ? `${fmtInt(b2.unanswered)} unanswered; ` : ''}CPU ${busiest(b2.cpu)}; ${b2.loopDelay ? `event loop held up p99/max: police ${fmtMs(b2.loopDelay.police.p99Ms)}/${fmtMs(b2.loopDelay.police.maxMs)}, conference ${fmtMs(b2.loopDelay.conference.p99Ms)}/${fmtMs(b2.loopDelay.conference.maxMs)}; ` : ''}police waited on ${topCost(b2.db?.police)}; conference waited on ${topCost(b2.db?.conference)}`,
    });
  }
  const b3 = r.b3[r.sizes.b3Headline];
  if (b3) {
    out.push({
      id: 'B3', what: `replay ${k(b3.events)} events from offset 0 into a fresh database${b3.complete ? '' : ` (budget ran out: ${fmtInt(b3.applied)} applied)`}`, figure: evs(b3.rate),
      ceiling: `${fmtInt(b3.ceiling.rate)} ev/s (raw consume${b3.ceiling.complete === false ? `; ran out of time at ${fmtInt(b3.ceiling.seen)}` : ''})`, ratio: pct(b3.ratio), goal: '≥ 20,000 ev/s', met: b3.rate >= 20_000 && b3.complete ? 'yes' : 'no',
      evidence: `CPU ${busiest(b3.cpu)}; conference waited on ${topCost(b3.db)}`,
    });
  }
  if (r.b4) {
    const b4 = r.b4;
    const missing = b4.convene.missing > 0 ? ` · ${fmtInt(b4.convene.missing)} of ${fmtInt(b4.convene.expected)} deliveries missing` : '';
    out.push({
      id: 'B4', what: `fan-out, ${fmtInt(b4.joined)} of ${fmtInt(b4.clients)} clients in one meeting @ ${b4.rate} pushes/s (achieved ${fmtInt(b4.achievedRate)})`, figure: `${lat(b4.convene.latency)}${missing}`,
      ceiling: `plain socket.io: ${lat(b4.ceiling.latency)}`, ratio: '–', goal: 'p99 ≤ 250 ms',
      met: b4.convene.latency.p99 <= 250 && b4.convene.missing === 0 && b4.joined === b4.clients && !b4.notAppended ? 'yes' : 'no',
      evidence: `live topic write p50 ${fmtMs(b4.append.p50)} p99 ${fmtMs(b4.append.p99)}${b4.notAppended ? ` (${fmtInt(b4.notAppended)} pushes never sent: appends fell behind)` : ''}; stored → received p99 ${fmtMs(b4.convene.fromStored.p99)}; ${b4.presenceSettled ? 'presence settled before' : `${fmtInt(b4.otherPushes)} presence pushes during the window`}; joins took ${(b4.joinMs / 1000).toFixed(1)} s; CPU ${busiest(b4.cpu)}; conference waited on ${topCost(b4.db)}`,
    });
  }
  for (const b6 of r.b6 ?? []) {
    const left = [b6.skipped ? `${fmtInt(b6.skipped)} not sent (${fmtInt(b6.targetRate)} unanswered already)` : '', b6.unanswered ? `${fmtInt(b6.unanswered)} unanswered` : '', b6.errors ? `${fmtInt(b6.errors)} failed` : ''].filter(Boolean).join('; ');
    out.push({
      id: 'B6', what: `police API alone, POST /incidents open-loop @ ${fmtInt(b6.targetRate)}/s (offered ${fmtInt(b6.offeredRate)}/s)`,
      figure: `${fmtInt(b6.throughput)} accepted/s · ${lat(b6.api)}${left ? ` · ${left}` : ''}`, ceiling: '—', ratio: pct(b6.throughput / b6.targetRate), goal: 'reported', met: '–',
      evidence: `CPU ${busiest(b6.cpu)}; police waited on ${topCost(b6.db)}`,
    });
  }
  const sizes = r.sizes.b1.filter((s) => r.b1[s] || r.b3[s]);
  if (sizes.length >= 2) {
    const first = sizes[0]!;
    const last = sizes[sizes.length - 1]!;
    const growth = (a?: number, b?: number) => (a && b ? b / a : NaN);
    const g1 = growth(r.b1[first]?.usPerEvent, r.b1[last]?.usPerEvent);
    const g3 = growth(r.b3[first]?.usPerEvent, r.b3[last]?.usPerEvent);
    const incomplete = sizes.some((s) => (r.b1[s] && !r.b1[s].complete) || (r.b3[s] && !r.b3[s].complete));
    out.push({
      id: 'B5', what: `cost per event, ${k(first)} → ${k(last)} events${incomplete ? ' (some sizes ran out of budget)' : ''}`,
      figure: `B1 ${sizes.map((s) => `${fmtInt(r.b1[s]?.usPerEvent ?? NaN)}`).join(' / ')} µs · B3 ${sizes.map((s) => `${fmtInt(r.b3[s]?.usPerEvent ?? NaN)}`).join(' / ')} µs`,
      ceiling: '—', ratio: `×${g1.toFixed(2)} / ×${g3.toFixed(2)}`, goal: 'flat (≤ ×1.25 from smallest to largest)', met: g1 <= 1.25 && g3 <= 1.25 && !incomplete ? 'yes' : 'no',
      evidence: 'see the growth table',
    });
  }
  return out;
}

function table(headers: string[], body: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(' │ ');
  return [line(headers), widths.map((w) => '─'.repeat(w)).join('─┼─'), ...body.map(line)].join('\n');
}

function growthRows(r: Results): string[][] {
  return r.sizes.b1.filter((s) => r.b1[s] || r.b3[s]).map((s) => {
    const b1 = r.b1[s];
    const b3 = r.b3[s];
    return [
      k(s),
      b1 ? `${evs(b1.rate)}${b1.complete ? '' : ` (${fmtInt(b1.applied)} applied)`}` : '–', b1 ? `${fmtInt(b1.usPerEvent)} µs` : '–', b1 ? pct(b1.ratio) : '–',
      b3 ? `${evs(b3.rate)}${b3.complete ? '' : ` (${fmtInt(b3.applied)} applied)`}` : '–', b3 ? `${fmtInt(b3.usPerEvent)} µs` : '–', b3 ? `${fmtInt(b3.ceiling.rate)} ev/s` : '–',
    ];
  });
}
const GROWTH = ['events', 'B1 rate', 'B1 cost/event', 'B1 vs raw', 'B3 rate', 'B3 cost/event', 'B3 raw consume'];

/** Peak RSS per process: one row per process name, one column per run. */
function rssRows(r: Results): { headers: string[]; body: string[][] } {
  const runs = [...new Set(r.processes.map((p) => p.run))];
  const names = [...new Set(r.processes.map((p) => p.process + (p.sampled ? ' (sampled)' : '')))];
  const body = names.map((name) => [name, ...runs.map((run) => {
    const p = r.processes.find((x) => x.run === run && x.process + (x.sampled ? ' (sampled)' : '') === name);
    return p ? `${fmtMb(p.maxRssKb)} · ${(p.cpuMs / 1000).toFixed(1)} s` : '';
  })]);
  return { headers: ['process (peak RSS · CPU time)', ...runs], body };
}

export function renderText(r: Results): string {
  const main = table(['', 'benchmark', 'figure', 'ceiling', 'ratio', 'goal', 'met?'], rows(r).map((x) => [x.id, x.what, x.figure, x.ceiling, x.ratio, x.goal, x.met]));
  const evidence = rows(r).map((x) => `  ${x.id}: ${x.evidence}`).join('\n');
  const rss = rssRows(r);
  return `${main}\n\nWhere the time went\n${evidence}\n\nB5 growth\n${table(GROWTH, growthRows(r))}\n\nPeak RSS and CPU time per process and run\n${table(rss.headers, rss.body)}`;
}

const esc = (s: string) => s.replace(/\|/g, '\\|');
const md = (headers: string[], body: string[][]) => [`| ${headers.map(esc).join(' | ')} |`, `|${headers.map(() => '---').join('|')}|`, ...body.map((x) => `| ${x.map(esc).join(' | ')} |`)].join('\n');

export function renderMarkdown(r: Results): string {
  const all = rows(r);
  const main = md(['', 'benchmark', 'figure', 'ceiling', 'ratio', 'goal', 'met?'], all.map((x) => [x.id, x.what, x.figure, x.ceiling, x.ratio, x.goal, x.met]));
  const evidence = md(['', 'where the time went (measured in the run)'], all.map((x) => [x.id, x.evidence]));
  const rss = rssRows(r);
  return `${main}\n\n${evidence}\n\n### B5 growth\n\n${md(GROWTH, growthRows(r))}\n\n### Peak RSS and CPU time per process\n\n${md(rss.headers, rss.body)}\n`;
}

/** "update cases ×120 = 4.5 s (max 310 ms)" for the costliest few commands. */
export function fmtCosts(costs: CommandCost[] | undefined, top = 4): string {
  if (!costs || costs.length === 0) return 'no database commands';
  return costs.slice(0, top).map((c) => `${c.command} ×${fmtInt(c.count)} = ${(c.totalMs / 1000).toFixed(1)} s (max ${fmtInt(c.maxMs)} ms)`).join('; ');
}

export function fmtCpu(cpu: Record<string, number>): string {
  return Object.entries(cpu).map(([name, v]) => `${name} ${v} %`).join(', ');
}
