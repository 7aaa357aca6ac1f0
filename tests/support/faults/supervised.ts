import { startService, waitHealthy, type RunningService, type ServiceName, type StartOptions } from '../../../scripts/lib/services.js';
import { type Log, sleep } from './basics.js';

// Services as real processes, supervised: kill -9 is real, and an exit we did not cause is recorded.

export interface ExitRecord {
  service: ServiceName;
  at: string;
  code: number | null;
  signal: NodeJS.Signals | null;
  expected: boolean;
}

export class SupervisedService {
  current: RunningService | undefined;
  readonly exits: ExitRecord[] = [];
  starts = 0;
  private expecting = false;
  private restarting: Promise<void> | undefined;
  private closed = false;

  constructor(
    readonly name: ServiceName,
    private readonly env: NodeJS.ProcessEnv,
    private readonly logDir: string,
    private readonly log: Log,
  ) {}

  get url(): string {
    if (!this.current) throw new Error(`${this.name} is not running`);
    return this.current.url;
  }

  get unexpectedExits(): ExitRecord[] {
    return this.exits.filter((e) => !e.expected);
  }

  /** Start the process (with extra env for this run only) and wait until /health answers 200. */
  async start(extraEnv: NodeJS.ProcessEnv = {}, timeoutMs = 90_000, options: StartOptions = {}): Promise<void> {
    if (this.closed) throw new Error(`${this.name} is closed`);
    const service = startService(this.name, { ...this.env, ...extraEnv }, this.logDir, options);
    this.current = service;
    this.starts++;
    this.expecting = false;
    service.process.once('exit', (code, signal) => {
      const expected = this.expecting || this.closed;
      this.exits.push({ service: this.name, at: new Date().toISOString(), code, signal, expected });
      if (!expected && this.current === service) {
        this.log(`${this.name} exited unexpectedly (${signal ?? `code ${code}`}); restarting it as a supervisor would — see ${service.logPath}`);
        this.restarting = this.restartAfterCrash();
      }
    });
    await waitHealthy(service, timeoutMs);
  }

  private async restartAfterCrash(): Promise<void> {
    const deadline = Date.now() + 120_000;
    while (!this.closed && Date.now() < deadline) {
      try {
        await this.start();
        return;
      } catch (err) {
        this.log(`${this.name} did not come back yet: ${(err as Error).message}`);
        await sleep(1000);
      }
    }
  }

  /** Whatever the supervisor is doing about an unexpected exit, finished. */
  async settled(): Promise<void> {
    await this.restarting;
  }

  /** kill -9 and wait for the process to be gone. */
  async kill9(): Promise<void> {
    const service = this.current;
    if (!service || service.process.exitCode !== null || service.process.signalCode !== null) return;
    this.expecting = true;
    const gone = new Promise((r) => service.process.once('exit', r));
    service.process.kill('SIGKILL');
    await Promise.race([gone, sleep(10_000)]);
  }

  /** The next exit is ours (e.g. a crash hook makes the process kill itself). */
  expectExit(): void {
    this.expecting = true;
  }

  /** Graceful stop (SIGTERM, SIGKILL after 15 s). */
  async stop(): Promise<number | null> {
    this.expecting = true;
    return (await this.current?.stop('SIGTERM')) ?? null;
  }

  /** For the end of a test: stop for good; SIGKILL if SIGTERM has not ended it within `graceMs`. */
  async close(graceMs = 1000): Promise<void> {
    this.closed = true;
    const service = this.current;
    const running = () => service !== undefined && service.process.exitCode === null && service.process.signalCode === null;
    if (!service || !running()) return;
    const gone = new Promise((r) => service.process.once('exit', r));
    service.process.kill('SIGTERM');
    await Promise.race([gone, sleep(graceMs)]);
    if (running()) {
      service.process.kill('SIGKILL');
      await Promise.race([gone, sleep(5000)]);
    }
  }
}
