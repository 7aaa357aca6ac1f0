import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { FromChild, ToChild } from './protocol.js';
import { usageOf } from './protocol.js';
import { now } from './stats.js';

/** What a bench process offers the runner: named calls, periodic stats, and a clean stop. */
export interface ChildService {
  info?: Record<string, unknown>;
  calls?: Record<string, (args: any) => Promise<unknown>>;
  stats?: () => Record<string, number>;
  stop(): Promise<void>;
}

export interface ChildContext {
  emit(name: string, data: unknown): void;
}

/** CPU time so far and peak RSS: the runner turns two readings into CPU % over a phase. */
const builtinUsage = async () => {
  const cpu = process.cpuUsage();
  return { at: now(), cpuMs: (cpu.user + cpu.system) / 1000, maxRssKb: process.resourceUsage().maxRSS };
};

/** How long the event loop was held up (a timer due every 10 ms, how late it ran): since the last reading. */
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();
const loopDelay = async () => {
  const reading = { p99Ms: loop.percentile(99) / 1e6, maxMs: loop.max / 1e6 };
  loop.reset();
  return reading;
};

const send = (msg: FromChild) => {
  if (process.connected) process.send!(msg);
};

/**
 * Entry point of every bench process: parameters come in BENCH_PARAMS, the process exits when the runner
 * goes away or after BENCH_MAX_LIFETIME_MS, whichever is first, so nothing outlives a run.
 */
export function runChild<P>(setup: (params: P, ctx: ChildContext) => Promise<ChildService>): void {
  const startedAt = now();
  const params = JSON.parse(process.env.BENCH_PARAMS ?? '{}') as P;
  const lifetime = Number(process.env.BENCH_MAX_LIFETIME_MS ?? 600_000);
  setTimeout(() => {
    console.error(`bench process exceeded its lifetime of ${lifetime} ms; exiting`);
    process.exit(3);
  }, lifetime).unref();
  process.on('disconnect', () => process.exit(0));
  const ctx: ChildContext = { emit: (name, data) => send({ type: 'event', name, data }) };

  setup(params, ctx).then((service) => {
    let statsTimer: NodeJS.Timeout | undefined;
    if (service.stats) {
      const stats = service.stats;
      statsTimer = setInterval(() => send({ type: 'stats', at: now(), stats: stats() }), 250);
    }
    let stopping = false;
    process.on('message', (raw: unknown) => {
      const msg = raw as ToChild;
      if (msg.type === 'call') {
        const fn = msg.name === 'usage' ? builtinUsage : msg.name === 'loopDelay' ? loopDelay : service.calls?.[msg.name];
        if (!fn) return send({ type: 'reply', id: msg.id, ok: false, error: `no call ${msg.name}` });
        fn(msg.args).then(
          (result) => send({ type: 'reply', id: msg.id, ok: true, result }),
          (err: unknown) => send({ type: 'reply', id: msg.id, ok: false, error: (err as Error)?.stack ?? String(err) }),
        );
      } else if (msg.type === 'stop' && !stopping) {
        stopping = true;
        if (statsTimer) clearInterval(statsTimer);
        service.stop()
          .catch((err: unknown) => console.error('stop failed', err))
          .finally(() => {
            send({ type: 'final', usage: usageOf(startedAt, now()) });
            // Let the IPC message leave before exiting.
            setTimeout(() => process.exit(0), 100);
          });
      }
    });
    send({ type: 'ready', info: service.info ?? {} });
  }, (err: unknown) => {
    send({ type: 'fatal', error: (err as Error)?.stack ?? String(err) });
    setTimeout(() => process.exit(1), 100);
  });
}
