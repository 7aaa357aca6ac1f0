/**
 * One release decided at a time in a service: each release is audited against the releases published
 * before it, so two decided at once would each miss the other.
 */
export function inTurn(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (task) => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}
