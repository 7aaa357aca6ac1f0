/**
 * Runs `work` one round at a time: calls made while a round runs wait and are taken together in the next one,
 * so batches consumed from many partitions at once share one fold, one write and one publish. If a shared round
 * fails, each call in it is run again on its own, so a bad batch fails only its own caller (whose consumer then
 * isolates the event) and never another partition's.
 */
export function createRounds<T>(work: (items: T[]) => Promise<void>) {
  let waiting: { items: T[]; done: (err?: unknown) => void }[] = [];
  let running: Promise<void> | undefined;

  async function drain(): Promise<void> {
    while (waiting.length > 0) {
      const round = waiting;
      waiting = [];
      try {
        await work(round.flatMap((w) => w.items));
        for (const w of round) w.done();
      } catch (err) {
        if (round.length === 1) round[0]!.done(err);
        else {
          for (const w of round) {
            try {
              await work(w.items);
              w.done();
            } catch (alone) {
              w.done(alone);
            }
          }
        }
      }
    }
    running = undefined;
  }

  return {
    /** Resolves once a round that included these items has finished. */
    run(items: T[]): Promise<void> {
      return new Promise<void>((resolve, reject) => {
        waiting.push({ items, done: (err) => (err === undefined ? resolve() : reject(err)) });
        running ??= Promise.resolve().then(drain);
      });
    },
  };
}
