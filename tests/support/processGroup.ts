/**
 * A command run in a process group of its own, as a terminal or process manager would start it, so a test can
 * signal that one process, watch what it prints, and see afterwards whether anything it started is left.
 */
import { execFileSync, spawn } from 'node:child_process';

export interface GroupMember {
  pid: number;
  /** ps state: Z for a zombie not yet reaped. */
  stat: string;
  args: string;
}

export interface GroupRun {
  /** The command's pid, which is also its process group's id. */
  pid: number;
  output(): string;
  /** Resolve once the output (stdout and stderr) matches; reject if the command exits first or time runs out. */
  waitForOutput(pattern: RegExp, timeoutMs: number): Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Every process still in the group, the command itself included. */
  members(): GroupMember[];
}

export function runInOwnGroup(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): GroupRun {
  const child = spawn(command, args, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const pgid = child.pid!;
  return {
    pid: pgid,
    output: () => output,
    waitForOutput(pattern, timeoutMs) {
      return new Promise((resolve, reject) => {
        const done = (err?: Error) => {
          listeners.delete(check);
          clearTimeout(timer);
          if (err) reject(err);
          else resolve();
        };
        const check = () => {
          if (pattern.test(output)) done();
        };
        const timer = setTimeout(() => done(new Error(`no ${pattern} within ${timeoutMs / 1000}s; output:\n${output}`)), timeoutMs);
        listeners.add(check);
        void exited.then(({ code, signal }) => done(new Error(`exited (${code ?? signal}) before printing ${pattern}; output:\n${output}`)));
        check();
      });
    },
    exited,
    members: () => execFileSync('ps', ['-e', '-o', 'pid=,pgid=,stat=,args='], { encoding: 'utf8' })
      .split('\n')
      .map((line) => line.trim().match(/^(\d+)\s+(\d+)\s+(\S+)\s+(.*)$/))
      .filter((m): m is RegExpMatchArray => m !== null && Number(m[2]) === pgid)
      .map((m) => ({ pid: Number(m[1]), stat: m[3]!, args: m[4]! })),
  };
}
