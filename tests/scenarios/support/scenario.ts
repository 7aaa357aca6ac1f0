import type { ScenarioRun } from './run.js';

/** A signal the case must raise: its kind, fields it must carry (e.g. `{ orderKind: 'bail' }`), and how many such (default 1). */
export type Raise = string | { kind: string; with?: Record<string, unknown>; count?: number };

export interface CaseExpectation {
  raises: Raise[];
  /** Kinds that must stay silent on this case. */
  silent: string[];
  /** Nothing above information: a case with nothing to flag. */
  onlyInformation?: boolean;
}

/**
 * One scenario from the inspection reports: what happened, entered through the agencies' own APIs, and what the
 * conference must and must not say about each case it lists. `build` returns the case references by label.
 */
export interface Scenario {
  name: string;
  /** The finding it reproduces, cited by name. */
  source: string;
  build(run: ScenarioRun): Promise<Record<string, string>>;
  expect: Record<string, CaseExpectation>;
}

export const defineScenario = (scenario: Scenario): Scenario => scenario;

export const daysAgo = (n: number): string => new Date(Date.now() - n * 86_400_000).toISOString();
