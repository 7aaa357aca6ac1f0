// Process plumbing: run build steps, spawn long-lived servers detached, probe ports, stop process groups.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** A failure that has a log file worth showing to the user. */
export class LoggedError extends Error {
  constructor(
    message: string,
    readonly logFile: string,
  ) {
    super(message);
    this.name = 'LoggedError';
  }
}

/** Look a command up on PATH (plus extra dirs, e.g. /usr/local/go/bin which is often not on PATH). */
export function findExecutable(name: string, extraDirs: string[] = []): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), ...extraDirs].filter(Boolean);
  const exts = process.platform === 'win32' ? ['.exe', '.cmd', ''] : [''];
  for (const dir of dirs) {
    for (const ext of exts) {
      const candidate = path.join(dir, name + ext);
      try {
        fs.accessSync(candidate, fs.constants.X_OK);
        if (fs.statSync(candidate).isFile()) return candidate;
      } catch {
        // not here; keep looking
      }
    }
  }
  return undefined;
}

/** `java` (17+) from JAVA_HOME or PATH: Kafka and mongo-java-server run on it. */
export function javaExecutable(): string {
  const javaHome = process.env.JAVA_HOME;
  const fromHome = javaHome ? findExecutable('java', [path.join(javaHome, 'bin')]) : undefined;
  const java = fromHome ?? findExecutable('java');
  if (!java) throw new Error('Java (java, 17+) is not on PATH: install a JDK, or set KAFKA_BROKERS and MONGO_URL to use your own servers');
  return java;
}

/** `javac` beside the `java` that runs the servers (a JDK, not only a JRE), else from PATH. */
export function javacExecutable(): string {
  const java = javaExecutable();
  const beside = path.join(path.dirname(fs.realpathSync(java)), 'javac');
  const javac = fs.existsSync(beside) ? beside : findExecutable('javac');
  if (!javac) throw new Error('javac is not on PATH: install a JDK (openjdk-17-jdk-headless), or set KAFKA_BROKERS and MONGO_URL to use your own servers');
  return javac;
}

export interface RunOptions {
  cwd: string;
  logFile: string;
  env?: NodeJS.ProcessEnv;
  /** What the step does, for the error message (default: the command name). */
  label?: string;
}

/**
 * Run a (possibly slow) build step to completion. stdout is returned and, like stderr,
 * appended to `logFile` so a failure can be diagnosed after the fact.
 */
export function runStep(cmd: string, args: string[], opts: RunOptions): Promise<string> {
  fs.mkdirSync(path.dirname(opts.logFile), { recursive: true });
  const log = fs.createWriteStream(opts.logFile, { flags: 'a' });
  log.write(`\n$ ${[cmd, ...args].join(' ')}   (cwd ${opts.cwd})\n`);
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => {
      out.push(chunk);
      log.write(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => log.write(chunk));
    child.on('error', (err) => {
      log.end();
      reject(new LoggedError(`${opts.label ?? path.basename(cmd)}: could not run ${cmd}: ${err.message}`, opts.logFile));
    });
    child.on('close', (code, signal) => {
      log.end(() => {
        if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
        else reject(new LoggedError(`${opts.label ?? path.basename(cmd)} failed (${signal ?? `exit ${code}`})`, opts.logFile));
      });
    });
  });
}

/**
 * Start a server that must outlive this Node process: own process group (so the whole
 * tree can be signalled later), output straight into a log file, not waited on.
 */
export function spawnDetached(cmd: string, args: string[], opts: RunOptions): number {
  fs.mkdirSync(path.dirname(opts.logFile), { recursive: true });
  const fd = fs.openSync(opts.logFile, 'a');
  try {
    const child = spawn(cmd, args, {
      cwd: opts.cwd,
      env: opts.env ?? process.env,
      detached: true,
      stdio: ['ignore', fd, fd],
    });
    // Without a pid the spawn failed synchronously (e.g. ENOENT); the 'error' event would come too late.
    if (child.pid === undefined) throw new Error(`could not start ${cmd}`);
    child.on('error', () => {
      /* reported through readiness checks / the log instead */
    });
    child.unref();
    return child.pid;
  } finally {
    fs.closeSync(fd); // the child holds its own copy of the descriptor
  }
}

/** Alive and not a zombie (a killed child of this very process can linger as one until reaped). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return true; // no /proc (macOS): kill(0) is all we have
  }
}

/**
 * Is `pid` still the process we started (pids get reused)? Checks the command line on Linux;
 * elsewhere falls back to "alive".
 */
export function isOurProcess(pid: number, cmdlineNeedle: string): boolean {
  if (!isAlive(pid)) return false;
  try {
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
    return cmdline.includes(cmdlineNeedle);
  } catch {
    return true;
  }
}

/** Does something accept TCP connections on host:port? */
export function isPortListening(port: number, host: string, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** Can we bind host:port right now? (More exact than a connect probe: also catches non-accepting binds.) */
export function isPortFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

export interface WaitOptions {
  what: string;
  timeoutMs: number;
  /** Give up early when this process dies, instead of waiting out the timeout. */
  pid?: number;
  logFile?: string;
  intervalMs?: number;
}

/** Poll `check` until it returns true. */
export async function waitUntil(check: () => Promise<boolean> | boolean, opts: WaitOptions): Promise<void> {
  const deadline = Date.now() + opts.timeoutMs;
  for (;;) {
    if (await check()) return;
    if (opts.pid !== undefined && !isAlive(opts.pid)) {
      throw new LoggedError(`${opts.what}: process ${opts.pid} exited during startup`, opts.logFile ?? '');
    }
    if (Date.now() > deadline) {
      throw new LoggedError(`${opts.what}: not ready after ${Math.round(opts.timeoutMs / 1000)} s`, opts.logFile ?? '');
    }
    await sleep(opts.intervalMs ?? 250);
  }
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  // kill(0) succeeds for zombies, so for a single-process group also ask /proc.
  return isAlive(pgid);
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal); // the whole group, in case the server forked helpers
  } catch {
    try {
      process.kill(pgid, signal);
    } catch {
      // already gone
    }
  }
}

/**
 * Stop a process started by `spawnDetached` (it leads its own process group):
 * SIGTERM for a clean shutdown, SIGKILL if it is still around after `graceMs`.
 * Resolves to how it ended.
 */
export async function stopProcessGroup(pgid: number, graceMs = 15_000): Promise<'not running' | 'terminated' | 'killed'> {
  if (!groupAlive(pgid)) return 'not running';
  signalGroup(pgid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    await sleep(200);
    if (!groupAlive(pgid)) return 'terminated';
  }
  signalGroup(pgid, 'SIGKILL');
  const killDeadline = Date.now() + 5_000;
  while (groupAlive(pgid) && Date.now() < killDeadline) await sleep(100);
  return 'killed';
}

/** Last `lines` lines of a (possibly large) log file, or '' when unreadable. */
export function tailFile(file: string, lines = 20): string {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const size = fs.fstatSync(fd).size;
      const length = Math.min(size, 64 * 1024);
      const buf = Buffer.alloc(length);
      fs.readSync(fd, buf, 0, length, size - length);
      return buf.toString('utf8').split('\n').filter((l) => l.trim() !== '').slice(-lines).join('\n');
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return '';
  }
}
