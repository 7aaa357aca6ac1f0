/**
 * Stopping the demo: undo what it started, newest first (the live concern, then the services, then the local
 * stack if this demo started it; never a stack it found running), then exit. Whatever is still starting is
 * let finish first, since only then is it known what to stop. A deadline bounds the whole of it.
 */
const DEADLINE_MS = 45_000;

export interface Shutdown {
  readonly stopping: boolean;
  /** Undo this when stopping; what was added last is undone first. */
  onStop(undo: () => unknown): void;
  /** Let this settle before stopping: it may still add what to undo (e.g. a local stack being started). */
  settleFirst(work: Promise<unknown>): void;
  /** Stop everything and exit with `code`. Later calls share the first one's stop, and its code. */
  stop(code: number): Promise<never>;
}

export function createShutdown(say: (line: string) => void): Shutdown {
  const undo: (() => unknown)[] = [];
  const starting: Promise<unknown>[] = [];
  let stopped: Promise<never> | undefined;

  async function stopAll(code: number): Promise<never> {
    const deadline = setTimeout(() => {
      say(`not stopped after ${DEADLINE_MS / 1000}s; exiting anyway (\`npm run stack:down\` stops a local stack left running)`);
      process.exit(1);
    }, DEADLINE_MS);
    await Promise.allSettled(starting);
    // One at a time, so the services have stopped before the stack they write to goes.
    for (const step of undo.reverse()) {
      try {
        await step();
      } catch (err) {
        say(`while stopping: ${(err as Error).message}`);
        code = code || 1;
      }
    }
    clearTimeout(deadline);
    say('stopped');
    process.exit(code);
  }

  return {
    get stopping() {
      return stopped !== undefined;
    },
    onStop: (step) => void undo.push(step),
    settleFirst: (work) => void starting.push(work),
    stop: (code) => (stopped ??= stopAll(code)),
  };
}
