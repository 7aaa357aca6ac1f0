/**
 * Tasks run one after another, each starting when the one before has settled (failed or not): the relay's
 * passes and hand-overs keep their order, and statistics releases are each audited against those before.
 */
export function inTurn(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (task) => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}
