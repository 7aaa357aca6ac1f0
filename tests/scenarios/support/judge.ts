import type { CaseExpectation, Raise } from './scenario.js';

export interface Entry { eventId: string; agency: string; occurredAt: string; summary: string }
export interface ShownSignal { kind: string; id: string; severity: string; title: string; explanation: string; eventIds: string[]; [field: string]: unknown }
export interface CaseBody { view: { timeline: Entry[] }; signals: ShownSignal[] }

const kindOf = (r: Raise) => (typeof r === 'string' ? r : r.kind);

function matches(signal: ShownSignal, want: Record<string, unknown>): boolean {
  return Object.entries(want).every(([k, v]) => {
    const got = signal[k];
    if (v !== null && typeof v === 'object' && got !== null && typeof got === 'object') return matches(got as ShownSignal, v as Record<string, unknown>);
    return got === v;
  });
}

/** The evidence in words: a signal's events, or the whole case when no signal fired, as their timeline lines. */
function evidence(body: CaseBody, eventIds?: string[]): string {
  const byId = new Map(body.view.timeline.map((e) => [e.eventId, e]));
  const lines = (eventIds ? eventIds.map((id) => byId.get(id)).filter((e): e is Entry => e !== undefined) : body.view.timeline)
    .map((e) => `      ${e.occurredAt.slice(0, 10)} ${e.agency}: ${e.summary}`);
  return lines.length ? lines.join('\n') : '      (none)';
}

const raised = (body: CaseBody) => body.signals.map((s) => `      ${s.kind} [${s.severity}]: ${s.explanation}`).join('\n') || '      (none)';

/** Every way the case view falls short of what the scenario expects, each naming scenario, signal and evidence. */
export function judge(scenario: string, label: string, body: CaseBody, expected: CaseExpectation): string[] {
  const where = `scenario "${scenario}" (${label})`;
  const failures: string[] = [];
  const timelineIds = new Set(body.view.timeline.map((e) => e.eventId));
  for (const want of expected.raises) {
    const kind = kindOf(want);
    const fields = typeof want === 'string' ? {} : (want.with ?? {});
    const count = typeof want === 'string' ? 1 : (want.count ?? 1);
    const candidates = body.signals.filter((s) => s.kind === kind);
    const matching = candidates.filter((s) => matches(s, fields));
    const found = matching.length >= count ? matching[0] : undefined;
    if (!found) {
      const near = candidates.length ? `\n    it fired as:\n${candidates.map((s) => `      ${JSON.stringify(s)}`).join('\n')}` : '';
      const times = count > 1 ? ` ${count} times (fired ${matching.length})` : '';
      failures.push(`${where}: signal ${kind}${Object.keys(fields).length ? ` ${JSON.stringify(fields)}` : ''} should fire${times} and did not.${near}\n`
        + `    evidence on the case:\n${evidence(body)}\n    signals raised:\n${raised(body)}`);
      continue;
    }
    for (const s of matching) {
      const missing = s.eventIds.filter((id) => !timelineIds.has(id));
      if (s.eventIds.length === 0 || missing.length > 0) {
        failures.push(`${where}: signal ${kind} must rest on events on the case; ${s.eventIds.length === 0 ? 'it names none' : `not on it: ${missing.join(', ')}`}`);
      }
    }
  }
  for (const kind of expected.silent) {
    for (const s of body.signals.filter((x) => x.kind === kind)) {
      failures.push(`${where}: signal ${kind} should stay silent but fired: ${s.explanation}\n    evidence it rests on:\n${evidence(body, s.eventIds)}`);
    }
  }
  if (expected.onlyInformation) {
    for (const s of body.signals.filter((x) => x.severity !== 'info')) {
      failures.push(`${where}: nothing should be flagged, but ${s.kind} [${s.severity}] fired: ${s.explanation}\n    evidence it rests on:\n${evidence(body, s.eventIds)}`);
    }
  }
  return failures;
}
