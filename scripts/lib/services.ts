import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export const SERVICE_PORTS = { conference: 4100, police: 4101, cps: 4102, health: 4103, advocacy: 4104 } as const;
export type ServiceName = keyof typeof SERVICE_PORTS;
export const SERVICE_NAMES = Object.keys(SERVICE_PORTS) as ServiceName[];

export interface RunningService {
  name: ServiceName;
  url: string;
  process: ChildProcess;
  logPath: string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Start one service from its TypeScript sources, its JSON log written to a file. */
export interface StartOptions {
  /** Modules loaded before the service (`--import`), e.g. a test's hook on a diagnostics channel. */
  preload?: string[];
}

export function startService(name: ServiceName, env: NodeJS.ProcessEnv, logDir: string, options: StartOptions = {}): RunningService {
  mkdirSync(logDir, { recursive: true });
  const logPath = join(logDir, `${name}.log`);
  const log = createWriteStream(logPath, { flags: 'a' });
  const port = Number(env.PORT ?? SERVICE_PORTS[name]);
  const preload = (options.preload ?? []).flatMap((file) => ['--import', file]);
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', ...preload, join(repoRoot, 'services', name, 'src', 'main.ts')], {
    cwd: repoRoot,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    name,
    url: `http://${env.HOST ?? '127.0.0.1'}:${port}`,
    process: child,
    logPath,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/** Poll GET /health until it answers 200, the process dies, or time runs out. */
export async function waitHealthy(service: RunningService, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (service.process.exitCode !== null) throw new Error(`${service.name} exited with code ${service.process.exitCode}; see ${service.logPath}`);
    try {
      const res = await fetch(`${service.url}/health`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${service.name} was not healthy within ${timeoutMs / 1000}s; see ${service.logPath}`);
}
