import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FromChild, ProcessUsage, ToChild } from './protocol.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const procsDir = fileURLToPath(new URL('../procs/', import.meta.url));

/** Every process the runner started and has not yet seen exit: stopped on Ctrl-C or a crash of the runner. */
const live = new Set<ChildProcess>();
export function killAllStarted(): void {
  for (const child of live) if (child.exitCode === null && child.pid) {
    try {
      process.kill(child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

export interface StartOptions {
  logDir: string;
  /** The process exits by itself after this long, whatever happens to the runner. */
  maxLifetimeMs: number;
  readyTimeoutMs?: number;
}

export interface BenchProcess {
  name: string;
  pid: number;
  info: Record<string, unknown>;
  /** The latest stats the process reported (every 250 ms), with the time they were taken. */
  stats(): { at: number; values: Record<string, number> };
  onStats(listener: (at: number, values: Record<string, number>) => void): void;
  onEvent(listener: (name: string, data: unknown) => void): void;
  call<T = unknown>(name: string, args?: unknown, timeoutMs?: number): Promise<T>;
  /** Ask the process to shut down cleanly; resolves with its peak RSS and CPU time. Kills it if it hangs. */
  stop(timeoutMs?: number): Promise<ProcessUsage | undefined>;
}

/** Start `bench/procs/<script>.ts` as its own Node process (honest RSS and CPU per process). */
export async function startProcess(name: string, script: string, params: unknown, options: StartOptions): Promise<BenchProcess> {
  fs.mkdirSync(options.logDir, { recursive: true });
  const logFd = fs.openSync(path.join(options.logDir, `${name}.log`), 'a');
  const child = fork(path.join(procsDir, `${script}.ts`), [], {
    cwd: repoRoot,
    execArgv: ['--conditions=source', '--import', 'tsx', ...(process.env.BENCH_CPU_PROF ? [`--cpu-prof`, `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [])],
    env: { ...process.env, BENCH_PARAMS: JSON.stringify(params), BENCH_MAX_LIFETIME_MS: String(options.maxLifetimeMs), NODE_ENV: 'production' },
    stdio: ['ignore', logFd, logFd, 'ipc'],
  });
  fs.closeSync(logFd);
  live.add(child);

  let latest = { at: 0, values: {} as Record<string, number> };
  const statsListeners: ((at: number, values: Record<string, number>) => void)[] = [];
  const eventListeners: ((name: string, data: unknown) => void)[] = [];
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let final: ProcessUsage | undefined;
  let exited = false;
  const exitWaiters: (() => void)[] = [];
  let readyResolve!: (info: Record<string, unknown>) => void;
  let readyReject!: (err: Error) => void;
  const ready = new Promise<Record<string, unknown>>((res, rej) => {
    readyResolve = res;
    readyReject = rej;
  });

  child.on('message', (raw) => {
    const msg = raw as FromChild;
    switch (msg.type) {
      case 'ready': readyResolve(msg.info); break;
      case 'fatal': readyReject(new Error(`${name} failed to start: ${msg.error}`)); break;
      case 'stats':
        latest = { at: msg.at, values: msg.stats };
        for (const l of statsListeners) l(msg.at, msg.stats);
        break;
      case 'event': for (const l of eventListeners) l(msg.name, msg.data); break;
      case 'final': final = msg.usage; break;
      case 'reply': {
        const p = pending.get(msg.id);
        pending.delete(msg.id);
        if (msg.ok) p?.resolve(msg.result);
        else p?.reject(new Error(`${name}: ${msg.error}`));
        break;
      }
    }
  });
  child.on('exit', (code, signal) => {
    exited = true;
    live.delete(child);
    readyReject(new Error(`${name} exited before it was ready (code ${code}, signal ${signal}); see ${options.logDir}/${name}.log`));
    for (const p of pending.values()) p.reject(new Error(`${name} exited (code ${code}, signal ${signal})`));
    pending.clear();
    for (const w of exitWaiters.splice(0)) w();
  });

  const readyTimeout = setTimeout(() => readyReject(new Error(`${name} not ready after ${options.readyTimeoutMs ?? 60_000} ms`)), options.readyTimeoutMs ?? 60_000);
  let info: Record<string, unknown>;
  try {
    info = await ready;
  } catch (err) {
    if (!exited && child.pid) child.kill('SIGKILL');
    throw err;
  } finally {
    clearTimeout(readyTimeout);
  }

  const send = (msg: ToChild) => {
    if (child.connected) child.send(msg);
  };

  return {
    name,
    pid: child.pid!,
    info,
    stats: () => latest,
    onStats: (l) => void statsListeners.push(l),
    onEvent: (l) => void eventListeners.push(l),
    call<T>(callName: string, args?: unknown, timeoutMs = 120_000): Promise<T> {
      if (exited) return Promise.reject(new Error(`${name} has exited`));
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error(`${name}.${callName} timed out after ${timeoutMs} ms`));
        }, timeoutMs);
        pending.set(id, {
          resolve: (v) => { clearTimeout(timer); resolve(v as T); },
          reject: (e) => { clearTimeout(timer); reject(e); },
        });
        send({ type: 'call', id, name: callName, args });
      });
    },
    async stop(timeoutMs = 30_000) {
      if (exited) return final;
      const gone = new Promise<void>((r) => exitWaiters.push(r));
      send({ type: 'stop' });
      const timer = setTimeout(() => {
        if (!exited && child.pid) child.kill('SIGKILL');
      }, timeoutMs);
      await gone;
      clearTimeout(timer);
      return final;
    },
  };
}
