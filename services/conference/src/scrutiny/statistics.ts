import { inTurn, type EventStore, type Recorder } from '@convene/shared/eventlog';
import type { Logger } from '@convene/shared/log';
import {
  addMonths, AUDIT_HORIZON_MONTHS, decideRelease, latestPublished, monthOf, monthWindow, publishedReleases, publishSnapshot, revisionOf, suppressionRule,
  type Month, type PublishOutcome, type StatisticsPreview, type StatisticsSettings,
} from '@convene/shared/statistics';
import type { CaseStore } from '../db/cases.js';
import type { MeetingStore } from '../db/meetings.js';
import { activityIn, conferenceCells, STOCK_MEASURES, type MeetingDates } from './measures.js';

export interface ConferenceStatisticsDeps {
  cases: CaseStore;
  meetings: MeetingStore;
  outbox: EventStore;
  recorder: Pick<Recorder, 'record'>;
  settings: StatisticsSettings;
  logger: Logger;
  now?: () => Date;
}

/**
 * The conference's own monthly figures, published like an agency's (conference.statistics.published.v1,
 * through its outbox) so they outlive the case views they were counted from, which are purged after closing.
 */
export function conferenceStatistics(deps: ConferenceStatisticsDeps) {
  const now = deps.now ?? (() => new Date());
  const threshold = deps.settings.STATISTICS_SUPPRESSION_THRESHOLD;
  const type = 'conference.statistics.published.v1' as const;

  async function preview(month: Month): Promise<StatisticsPreview> {
    const window = monthWindow(month);
    // Cases listed before the last window ended and not closed before the first began: the only ones it can
    // count (the release's year, and the releases the audit reaches either side).
    const reach = { from: monthWindow(addMonths(month, -(AUDIT_HORIZON_MONTHS + 11))).from, to: monthWindow(addMonths(month, AUDIT_HORIZON_MONTHS)).to };
    const views = (await deps.cases.listedDuring(reach.from, reach.to)).map((d) => d.view);
    const meetings = (await deps.meetings.model.find({}, { agenda: 1, scheduledFor: 1, startedAt: 1 }).lean<MeetingDates[]>())
      .map((m) => ({ agenda: m.agenda ?? [], scheduledFor: m.scheduledFor, startedAt: m.startedAt ?? null }));
    const { cells, periods } = decideRelease({
      month, threshold, stocks: STOCK_MEASURES, published: await publishedReleases(deps.outbox, type), periods: deps.settings.STATISTICS_PERIODS,
      rawOf: (w) => conferenceCells(views, meetings, w, now()),
    });
    const snapshot = { month, suppressionThreshold: threshold, cells, periods: periods ?? [] };
    const latest = await latestPublished(deps.outbox, type, month);
    return {
      ...snapshot, suppressionRule: suppressionRule(threshold), recordsInMonth: activityIn(views, window),
      published: latest ? { ...latest, current: latest.revision === revisionOf(snapshot) } : null,
    };
  }

  const oneRelease = inTurn();
  const publish = (month: Month): Promise<PublishOutcome & { preview: StatisticsPreview }> => oneRelease(async () => {
    const p = await preview(month);
    const outcome = await publishSnapshot({
      agency: 'conference', store: deps.outbox, recorder: deps.recorder, now: now(),
      snapshot: { month, suppressionThreshold: p.suppressionThreshold, cells: p.cells, periods: p.periods },
    });
    return { ...outcome, preview: { ...p, published: { eventId: outcome.eventId, revision: outcome.revision, publishedAt: outcome.publishedAt, current: true } } };
  });

  /** The scheduled run: last month and this month so far, each only if something happened in it. */
  async function publishDue(): Promise<void> {
    const current = monthOf(now());
    for (const month of [addMonths(current, -1), current]) {
      const p = await preview(month);
      if (p.recordsInMonth === 0 || p.published?.current) continue;
      const outcome = await publish(month);
      deps.logger.info({ month, eventId: outcome.eventId, status: outcome.status }, 'conference statistics published');
    }
  }

  return { agency: 'conference' as const, preview, publish, publishDue };
}

export type ConferenceStatistics = ReturnType<typeof conferenceStatistics>;
