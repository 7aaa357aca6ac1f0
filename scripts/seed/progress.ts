/** How a seeding run tells its caller where it is: one line now and then, never one per request. */
import { waitFor } from './api.js';

export class Progress {
  private events = 0;
  private listed = 0;
  private phase = '';
  private lastPrint = 0;

  constructor(private readonly log: (line: string) => void, private readonly casesPlanned: number, private readonly eventsPlanned: number) {}

  get eventCount(): number {
    return this.events;
  }

  event(): void {
    this.events++;
    this.print(false);
  }

  caseListed(): void {
    this.listed++;
    this.print(false);
  }

  step(phase: string): void {
    this.phase = phase;
    this.print(true);
  }

  private print(force: boolean): void {
    const now = Date.now();
    if (!force && now - this.lastPrint < 1500) return;
    this.lastPrint = now;
    this.log(`cases ${this.listed}/${this.casesPlanned} · events ${this.events}/${this.eventsPlanned} · ${this.phase}`);
  }
}

/** `waitFor` that says so when the services took a while, since a long silence looks like a hang. */
export function waitReportingDelays(log: (line: string) => void): typeof waitFor {
  return async (what, check, opts) => {
    const since = Date.now();
    const value = await waitFor(what, check, opts);
    if (Date.now() - since > 3000) log(`waited ${((Date.now() - since) / 1000).toFixed(1)}s for ${what}`);
    return value;
  };
}
