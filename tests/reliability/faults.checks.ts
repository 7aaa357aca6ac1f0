// The assertions and figures shared by the short and the full fault runs.
import fs from 'node:fs';
import { expect } from 'vitest';
import type { FaultPlan, FaultReport } from './faults.scenario.js';
import { dbServer } from '../../infra/local/db.js';
import { stackConfig } from '../../infra/local/paths.js';

/** Every event applied exactly once, the read model equal to a clean replay, no gap for any socket client. */
export function expectNoLossNoDuplicate(report: FaultReport, plan: FaultPlan): void {
  const planned = (kind: string) => plan.faults.filter((f) => f.kind === kind).length;
  expect(report.drainError, 'drain').toBeUndefined();
  expect(report.faultsInjected).toEqual({
    'conference-kill9': planned('conference-kill9'), 'police-crash-after-append': planned('police-crash-after-append'),
    'kafka-restart': planned('kafka-restart'), 'mongo-restart': planned('mongo-restart'),
  });
  expect(report.unexpectedExits, 'services that died on their own').toEqual([]);
  expect(report.eventsSent).toBe(plan.events + planned('police-crash-after-append'));
  expect(report.refused, 'requests refused with a 4xx').toBe(0);
  expect(report.acknowledged).toBeGreaterThan(plan.events * 0.9);
  expect(report.lostIds, 'recorded events missing from the read model').toEqual([]);
  expect(report.duplicateDetail, 'events applied twice').toEqual([]);
  expect(report.duplicated).toBe(0);
  expect(report.misplaced, 'events filed under the wrong case').toEqual([]);
  expect(report.busMessages.deadLettered, 'messages dead-lettered').toBe(0);
  // An incident appended just before the crash was recorded, so it must stream like any other.
  if (planned('police-crash-after-append') > 0) expect(report.unknownOutcome.recorded).toBeGreaterThanOrEqual(planned('police-crash-after-append'));
  expect(report.replay.cases).toBe(report.readModel.cases);
  expect(report.replay.appliedIds).toBe(report.readModel.appliedIds);
  expect(report.replay.timelineEntries).toBe(report.readModel.timelineEntries);
  expect(report.replay.sha256).toBe(report.readModel.sha256);
  expect(report.replay.differingCases, 'cases whose replayed view differs').toEqual([]);
  expect(report.replay.deadLettered).toBe(0);
  expect(report.pushLog.outOfOrder, 'pushes out of order on the live topic').toBe(0);
  expect(report.pushLog.duplicateTimelinePushes, 'timeline entries pushed twice').toEqual([]);
  expect(report.pushLog.missingTimelinePushes, 'timeline entries never pushed').toEqual([]);
  for (const s of report.sockets) {
    expect(s.errors, `socket ${s.client} errors`).toEqual([]);
    expect(s.missed, `socket ${s.client} missed seqs`).toEqual([]);
    expect(s.duplicates, `socket ${s.client} duplicate seqs`).toEqual([]);
    expect(s.outOfOrder, `socket ${s.client} out of order`).toBe(0);
  }
  const kills = planned('conference-kill9');
  for (const s of report.sockets) expect(s.sessions, `socket ${s.client} sessions`).toBeGreaterThanOrEqual(1 + kills);
}

export function writeFigures(file: string, report: FaultReport): void {
  const figures = {
    date: report.date,
    machine: report.machine,
    /** The stand-in the fault stack ran (CONVENE_DB), as infra/local names it. */
    database: dbServer(stackConfig().db).label,
    run: report.label,
    eventsSent: report.eventsSent,
    acknowledged: report.acknowledged,
    byRoute: report.byRoute,
    unknownOutcome: report.unknownOutcome,
    refused: report.refused,
    expectedInReadModel: report.expectedInReadModel,
    lost: report.lost,
    lostIds: report.lostIds,
    duplicated: report.duplicated,
    misplaced: report.misplaced.length,
    faultsInjected: report.faultsInjected,
    faults: [...report.faults].sort((a, b) => a.startedAtMs - b.startedAtMs).map((f) => ({ kind: f.kind, atSecond: Math.round(f.startedAtMs / 100) / 10, durationMs: f.durationMs, liveBackMs: f.liveBackMs, detail: f.detail })),
    unexpectedExits: report.unexpectedExits,
    bus: report.busMessages,
    readModel: report.readModel,
    replay: report.replay,
    pushLog: { pushes: report.pushLog.pushes, outOfOrder: report.pushLog.outOfOrder, duplicateTimelinePushes: report.pushLog.duplicateTimelinePushes.length, missingTimelinePushes: report.pushLog.missingTimelinePushes.length },
    sockets: report.sockets.map((s) => ({ client: s.client, sessions: s.sessions, reconnects: s.reconnects, received: s.received, missed: s.missed.length, duplicates: s.duplicates.length, outOfOrder: s.outOfOrder })),
    plan: report.plan,
    durations: report.durations,
    ...(report.drainError ? { drainError: report.drainError } : {}),
  };
  fs.writeFileSync(file, JSON.stringify(figures, null, 2) + '\n');
}
