import type { RiskGrade } from '@convene/shared/contracts';
import type { CaseView, GradeNote } from '../caseView.js';
import { compareEntries } from '../timeline.js';
import { signalCatalogue } from './catalogue.js';
import { conductEntries, ids } from './conduct.js';
import type { Signal, StaleBecause } from './types.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const STALE_AFTER_DAYS = 90;
const gradeRank: Record<RiskGrade, number> = { standard: 0, medium: 1, high: 2 };

function latest<T extends GradeNote>(notes: readonly (T | null)[]): T | null {
  const present = notes.filter((n): n is T => n !== null);
  present.sort((a, b) => compareEntries({ occurredAt: a.at, eventId: a.eventId }, { occurredAt: b.at, eventId: b.eventId }));
  return present.at(-1) ?? null;
}

/**
 * Risk not current: no police assessment though behaviour is recorded, the latest one declined, or the latest one
 * older than 90 days or than the latest behaviour record (incident, breach or diary entry).
 */
export function riskAssessmentNotCurrent(view: CaseView, now: Date): Signal[] {
  const police = view.risk.police;
  const conduct = conductEntries(view, now);
  if (police?.declined) {
    return [{
      id: 'risk_assessment_declined', kind: 'risk_assessment_declined', severity: 'warning',
      title: signalCatalogue.risk_assessment_declined.title,
      explanation: `The victim declined the latest ${police.tool} risk assessment, so no police grade is current.`,
      eventIds: [police.eventId],
    }];
  }
  if (!police) {
    if (conduct.length === 0) return [];
    return [{
      id: 'risk_assessment_missing', kind: 'risk_assessment_missing', severity: 'warning',
      title: signalCatalogue.risk_assessment_missing.title,
      explanation: `${conduct.length} behaviour record(s) are recorded but no police risk assessment has been shared.`,
      eventIds: ids(conduct),
    }];
  }
  const assessedAt = Date.parse(police.at);
  const later = conduct.filter((e) => Date.parse(e.occurredAt) > assessedAt);
  const because: StaleBecause[] = [
    ...(now.getTime() - assessedAt > STALE_AFTER_DAYS * DAY_MS ? ['older_than_90_days' as const] : []),
    ...(later.length > 0 ? ['older_than_latest_incident' as const] : []),
  ];
  if (because.length === 0) return [];
  const days = Math.floor((now.getTime() - assessedAt) / DAY_MS);
  const reasons = [
    ...(because.includes('older_than_90_days') ? [`it is ${days} days old`] : []),
    ...(later.length > 0 ? [`${later.length} behaviour record(s) came after it`] : []),
  ];
  return [{
    id: 'risk_assessment_stale', kind: 'risk_assessment_stale', severity: 'warning',
    title: signalCatalogue.risk_assessment_stale.title,
    explanation: `The latest ${police.tool} is not current: ${reasons.join(' and ')}.`,
    eventIds: [police.eventId, ...ids(later)],
    assessedAt: police.at,
    because,
  }];
}

/**
 * The victim's own view (latest from police or advocate) against the current professional grade: the later of
 * the latest graded police assessment and the conference's own decision. With no grade at all (declined, never
 * done) the victim's view stands alone, and that is the signal.
 */
export function victimViewHigher(view: CaseView): Signal[] {
  const victim = latest([view.risk.victimView.police, view.risk.victimView.advocacy]);
  if (!victim) return [];
  const police = view.risk.police;
  const policeGrade = police?.grade ? { eventId: police.eventId, at: police.at, grade: police.grade } : null;
  const assessed = latest([policeGrade, view.risk.conference]);
  if (assessed && gradeRank[victim.grade] <= gradeRank[assessed.grade]) return [];
  const assessment = assessed ? 'graded' : police?.declined ? 'declined' : 'missing';
  const against = {
    graded: `the current assessed grade is ${assessed?.grade}`,
    declined: 'the DASH was declined, so there is no assessed grade to set it against',
    missing: 'no risk assessment has been shared to set it against',
  }[assessment];
  const basis = assessed ? [assessed.eventId] : police ? [police.eventId] : [];
  return [{
    id: 'victim_view_higher',
    kind: 'victim_view_higher',
    severity: 'warning',
    title: signalCatalogue.victim_view_higher.title,
    explanation: `The victim sees the risk as ${victim.grade}; ${against}.`,
    eventIds: [...new Set([victim.eventId, ...basis])],
    victimView: victim.grade,
    assessedGrade: assessed?.grade ?? null,
    assessment,
  }];
}
