import type { Logger } from '../log/index.js';
import type { Recorder } from './recorder.js';

/**
 * A recorded event whose projection failed (say the database restarted mid-request) waits in the outbox,
 * unpublished, until projected: retry those now and then, not only at start-up. Only events recorded a while
 * ago, so requests still in flight finish their own projection.
 */
export function startProjectionRepair(recorder: Pick<Recorder, 'catchUpProjection'>, logger: Logger, everyMs = 10_000): { stop(): Promise<void> } {
  let running: Promise<unknown> | undefined;
  const timer = setInterval(() => {
    if (running) return;
    running = recorder.catchUpProjection({ settledMs: everyMs })
      .then((n) => n > 0 && logger.warn({ events: n }, 'projected events whose projection had failed'))
      .catch((err: unknown) => logger.warn({ err: (err as Error).message }, 'projection repair failed; will retry'))
      .finally(() => { running = undefined; });
  }, everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
