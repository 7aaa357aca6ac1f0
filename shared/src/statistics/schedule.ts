import type { Logger } from '../log/index.js';

export interface StatisticsSchedule {
  stop(): Promise<void>;
}

/**
 * Run `publishDue` at once and then every `everyMs`, one run at a time; a failure is logged and the next
 * run tries again. The timer does not keep the process alive, and stop waits for a run in progress.
 */
export function startStatisticsSchedule(options: { publishDue: () => Promise<void>; everyMs: number; logger: Logger }): StatisticsSchedule {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;
  const run = () => {
    running = options.publishDue()
      .catch((err: unknown) => options.logger.warn({ err: (err as Error).message }, 'statistics publication failed; will retry'))
      .finally(() => {
        running = undefined;
        if (stopped) return;
        timer = setTimeout(run, options.everyMs);
        timer.unref();
      });
  };
  run();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
