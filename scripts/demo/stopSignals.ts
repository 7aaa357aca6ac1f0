/**
 * The demo stops on SIGINT (Ctrl-C) or SIGTERM. `npm run demo` passes either on to the demo's process only,
 * not to the services it started, so the demo must stop them itself. Listened for before the rest of the
 * demo loads, so that a signal sent while it is still starting is acted on rather than killing it half-way.
 */
export interface StopSignals {
  /** Call `stop` on the first signal, or straight away if one has already come. */
  handleWith(stop: (signal: NodeJS.Signals) => void): void;
}

export function listenForStopSignals(): StopSignals {
  let received: NodeJS.Signals | undefined;
  let handler: ((signal: NodeJS.Signals) => void) | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    // Later signals change nothing: Ctrl-C in a terminal reaches the demo twice (directly, and passed on by
    // npm), and the shutdown is bounded anyway.
    if (received) return;
    received = signal;
    handler?.(signal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    handleWith(stop) {
      handler = stop;
      if (received) stop(received);
    },
  };
}
