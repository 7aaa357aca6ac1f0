import fs from 'node:fs';
import { readState } from '../../infra/local/state.js';
import { startProcess, type BenchProcess } from './children.js';
import { now } from './stats.js';

/** Peak RSS and CPU of one process over one benchmark run. */
export interface ProcessRecord {
  run: string;
  process: string;
  maxRssKb: number;
  cpuMs: number;
  wallMs: number;
  /** Peak over the run for the broker and database (sampled); for our processes, the process's lifetime peak. */
  sampled?: boolean;
}

/** CPU share (100 % = one core) of each process over a measured window. */
export type CpuShares = Record<string, number>;

interface StackProcess {
  name: string;
  pid: number;
}

const CLK_TCK = 100;

/** Busy CPU of the whole machine so far, in ms of one core (from /proc/stat). */
function machineBusyMs(): number | undefined {
  try {
    const cpu = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = cpu;
    return ((user + nice + system + irq + softirq + steal) * 1000) / CLK_TCK;
  } catch {
    return undefined;
  }
}

/** Whole-machine CPU use over `ms` (100 % = one core): how busy the machine is before we start. */
export async function machineLoad(ms = 3000): Promise<number> {
  const a = machineBusyMs();
  const t = now();
  await new Promise((r) => setTimeout(r, ms));
  const b = machineBusyMs();
  return a === undefined || b === undefined ? NaN : Math.round(((b - a) / (now() - t)) * 100);
}

/**
 * Wait (at most `maxMs`) until the machine is quiet: two one-second readings in a row under `belowPct` of one
 * core. What the benchmark before left behind (Kafka deleting its topics, the stand-in flushing its file) then
 * does not run inside the next one's measured window. Returns the last reading and the time waited.
 */
export async function untilQuiet(belowPct = 15, maxMs = 60_000): Promise<{ loadPct: number; waitedMs: number }> {
  const started = now();
  let quiet = 0;
  let loadPct = NaN;
  while (now() - started < maxMs) {
    loadPct = await machineLoad(1000);
    quiet = loadPct < belowPct ? quiet + 1 : 0;
    if (quiet >= 2) break;
  }
  return { loadPct, waitedMs: Math.round(now() - started) };
}

function readProc(pid: number): { rssKb: number; cpuMs: number } | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return { rssKb, cpuMs: (ticks * 1000) / CLK_TCK };
  } catch {
    return undefined;
  }
}

/** The broker and the database of the local stack, if this machine runs them (read from the stack's state file). */
function stackProcesses(): StackProcess[] {
  const state = readState();
  const found: StackProcess[] = [];
  if (state?.kafka && readProc(state.kafka.pid)) found.push({ name: 'kafka (JVM)', pid: state.kafka.pid });
  if (state?.mongo && readProc(state.mongo.pid)) found.push({ name: state.db ?? 'ferretdb', pid: state.mongo.pid });
  return found;
}

export class BenchRun {
  readonly records: ProcessRecord[] = [];
  private lastProgress = 0;
  /** Seconds since the run started, on every line: where a long run spends its time. */
  clock(): string {
    return `${Math.round((Date.now() - this.t0) / 1000)} s`.padStart(5);
  }
  private readonly stack = stackProcesses();

  constructor(readonly quick: boolean, readonly logDir: string, private readonly t0 = Date.now()) {
    fs.mkdirSync(logDir, { recursive: true });
  }

  /** Start a bench process for one run; it exits by itself if the runner is gone for good. */
  async start(run: string, name: string, script: string, params: unknown): Promise<BenchProcess> {
    const file = `${run}-${name}`.replace(/[^a-z0-9]+/gi, '_');
    const t = now();
    const proc = await startProcess(file, script, params, { logDir: this.logDir, maxLifetimeMs: this.quick ? 5 * 60_000 : 30 * 60_000, readyTimeoutMs: 90_000 });
    this.labels.set(proc, name);
    this.startedAt.set(proc, t);
    this.progress(run, `${name} process ready in ${((now() - t) / 1000).toFixed(1)} s`, true);
    return proc;
  }

  /** Start several processes at once (each spends seconds compiling); if one fails, stop the others. */
  async startAll<const T extends readonly (readonly [name: string, script: string, params: unknown])[]>(run: string, specs: T): Promise<{ -readonly [K in keyof T]: BenchProcess }> {
    const settled = await Promise.allSettled(specs.map(([name, script, params]) => this.start(run, name, script, params)));
    const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) {
      await this.stop(run, ...settled.map((r) => (r.status === 'fulfilled' ? r.value : undefined)));
      throw failed.reason;
    }
    return settled.map((r) => (r as PromiseFulfilledResult<BenchProcess>).value) as { -readonly [K in keyof T]: BenchProcess };
  }

  private readonly labels = new Map<BenchProcess, string>();
  private label(p: BenchProcess): string {
    return this.labels.get(p) ?? p.name;
  }

  /**
   * Stop processes and record their peak RSS and CPU time under `run`. The usage is read before asking the
   * process to stop, so a process that has to be killed (stuck in a database call) is still reported.
   */
  async stop(run: string, ...procs: (BenchProcess | undefined)[]): Promise<void> {
    await Promise.all(procs.map(async (p) => {
      if (!p || this.stopped.has(p)) return;
      this.stopped.add(p);
      const before = await p.call<{ cpuMs: number; maxRssKb: number }>('usage', undefined, 5_000).catch(() => undefined);
      const usage = await p.stop(this.quick ? 10_000 : 30_000);
      const wallMs = now() - (this.startedAt.get(p) ?? now());
      if (usage) this.records.push({ run, process: this.label(p), maxRssKb: usage.maxRssKb, cpuMs: usage.userCpuMs + usage.systemCpuMs, wallMs: usage.wallMs });
      else if (before) this.records.push({ run, process: `${this.label(p)} (killed at stop)`, maxRssKb: before.maxRssKb, cpuMs: before.cpuMs, wallMs });
    }));
  }

  private readonly stopped = new Set<BenchProcess>();
  private readonly startedAt = new Map<BenchProcess, number>();

  /** Sample the broker's and database's RSS every 500 ms during a run, for their peak over that run. */
  watchStack(run: string): { stop(): void } {
    const peaks = new Map<string, number>();
    const first = new Map(this.stack.map((s) => [s.name, readProc(s.pid)]));
    const t0 = now();
    const sample = () => {
      for (const s of this.stack) {
        const r = readProc(s.pid);
        if (r) peaks.set(s.name, Math.max(peaks.get(s.name) ?? 0, r.rssKb));
      }
    };
    sample();
    const timer = setInterval(sample, 500);
    return {
      stop: () => {
        clearInterval(timer);
        sample();
        for (const s of this.stack) {
          const a = first.get(s.name);
          const b = readProc(s.pid);
          this.records.push({ run, process: s.name, maxRssKb: peaks.get(s.name) ?? NaN, cpuMs: a && b ? b.cpuMs - a.cpuMs : NaN, wallMs: now() - t0, sampled: true });
        }
      },
    };
  }

  /**
   * CPU share of each of our processes and of the stack over a window: call `begin()` when the measured
   * work starts and `end()` when it ends. Shows which process a figure was bound by.
   */
  async cpuWindow(procs: BenchProcess[]): Promise<{ end(): Promise<CpuShares> }> {
    type Reading = { at: number; cpuMs: number };
    const read = async (): Promise<Map<string, Reading>> => {
      const m = new Map<string, Reading>();
      const t = now();
      await Promise.all(procs.map(async (p) => {
        const u = await p.call<Reading>('usage', undefined, 10_000).catch(() => undefined);
        if (u) m.set(this.label(p), u);
      }));
      const self = process.cpuUsage();
      m.set('runner', { at: t, cpuMs: (self.user + self.system) / 1000 });
      for (const s of this.stack) {
        const r = readProc(s.pid);
        if (r) m.set(s.name, { at: t, cpuMs: r.cpuMs });
      }
      const busy = machineBusyMs();
      if (busy !== undefined) m.set('whole machine', { at: t, cpuMs: busy });
      return m;
    };
    const before = await read();
    return {
      end: async () => {
        const after = await read();
        const shares: CpuShares = {};
        for (const [name, b] of after) {
          const a = before.get(name);
          if (a && b.at > a.at) shares[name] = Math.round(((b.cpuMs - a.cpuMs) / (b.at - a.at)) * 100);
        }
        // What the rest of the machine used meanwhile (other test runs sharing it, other users of the stack
        // show up in the broker's and the database's own shares).
        const whole = shares['whole machine'];
        if (whole !== undefined) {
          const ours = Object.entries(shares).filter(([n]) => n !== 'whole machine').reduce((sum, [, v]) => sum + v, 0);
          shares['everything else'] = Math.max(0, whole - ours);
        }
        return shares;
      },
    };
  }

  /** A progress line at most every 3 s (long runs must show they are alive). */
  progress(label: string, text: string, force = false): void {
    const t = Date.now();
    if (!force && t - this.lastProgress < 3000) return;
    this.lastProgress = t;
    console.log(`  · ${this.clock()} [${label}] ${text}`);
  }

  say(text: string): void {
    console.log(text.replace(/^(\s*)/, `$1${this.clock()} `));
  }
}
