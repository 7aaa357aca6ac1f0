import { eventually } from '../poll.js';

export type Log = (line: string) => void;

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Poll until `check` returns something truthy; throws naming `what` after `timeoutMs`. */
export function waitFor<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs: number, intervalMs = 250): Promise<T> {
  return eventually(check, { what, timeoutMs, intervalMs });
}

/** Work that must happen at the end whatever happened before: run in reverse order, each bounded, errors collected. */
export class Cleanup {
  private readonly steps: { name: string; run: () => Promise<unknown> }[] = [];
  add(name: string, run: () => Promise<unknown>): void {
    this.steps.push({ name, run });
  }
  async run(log: Log, stepTimeoutMs = 60_000): Promise<string[]> {
    const errors: string[] = [];
    for (const step of this.steps.splice(0).reverse()) {
      try {
        await Promise.race([step.run(), sleep(stepTimeoutMs).then(() => Promise.reject(new Error('timed out')))]);
      } catch (err) {
        errors.push(`${step.name}: ${(err as Error).message}`);
        log(`cleanup ${step.name} failed: ${(err as Error).message}`);
      }
    }
    return errors;
  }
}
