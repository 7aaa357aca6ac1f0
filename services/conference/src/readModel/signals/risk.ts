import type { RiskGrade } from '@convene/shared/contracts';
import type { CaseView, GradeNote } from '../caseView.js';
import { compareEntries } from '../timeline.js';
import type { Signal } from './types.js';

const gradeRank: Record<RiskGrade, number> = { standard: 0, medium: 1, high: 2 };

function latest<T extends GradeNote>(notes: readonly (T | null)[]): T | null {
  const present = notes.filter((n): n is T => n !== null);
  present.sort((a, b) => compareEntries({ occurredAt: a.at, eventId: a.eventId }, { occurredAt: b.at, eventId: b.eventId }));
  return present.at(-1) ?? null;
}

/** The latest police assessment was declined, or there is none though incidents are recorded. */
export function riskAssessmentDeclinedOrMissing(view: CaseView): Signal[] {
  const police = view.risk.police;
  if (police?.declined) {
    return [{
      id: 'risk_assessment_declined',
      kind: 'risk_assessment_declined',
      severity: 'warning',
      title: 'Risk assessment declined',
      explanation: `The victim declined the latest ${police.tool} risk assessment, so no police grade is current.`,
      eventIds: [police.eventId],
    }];
  }
  const incidents = view.timeline.filter((e) => e.kind === 'incident');
  if (police || incidents.length === 0) return [];
  return [{
    id: 'risk_assessment_missing',
    kind: 'risk_assessment_missing',
    severity: 'warning',
    title: 'No risk assessment',
    explanation: `${incidents.length} incident(s) are recorded but no police risk assessment has been shared.`,
    eventIds: incidents.map((e) => e.eventId),
  }];
}

/**
 * The victim's own view (latest from police or advocate) is higher than the current professional grade:
 * the later of the latest graded police assessment and the conference's own risk decision.
 */
export function victimViewHigher(view: CaseView): Signal[] {
  const victim = latest([view.risk.victimView.police, view.risk.victimView.advocacy]);
  const police = view.risk.police;
  const policeGrade = police?.grade ? { eventId: police.eventId, at: police.at, grade: police.grade } : null;
  const assessed = latest([policeGrade, view.risk.conference]);
  if (!victim || !assessed || gradeRank[victim.grade] <= gradeRank[assessed.grade]) return [];
  return [{
    id: 'victim_view_higher',
    kind: 'victim_view_higher',
    severity: 'warning',
    title: "Victim's view of risk is higher than assessed",
    explanation: `The victim sees the risk as ${victim.grade}; the current assessed grade is ${assessed.grade}.`,
    eventIds: [...new Set([victim.eventId, assessed.eventId])],
    victimView: victim.grade,
    assessedGrade: assessed.grade,
  }];
}

/** High risk (latest police grade or conference decision) and no stalking protection order applied for or granted. */
export function highRiskNoSpo(view: CaseView): Signal[] {
  const high = [
    view.risk.police?.grade === 'high' ? view.risk.police.eventId : null,
    view.risk.conference?.grade === 'high' ? view.risk.conference.eventId : null,
  ].filter((id): id is string => id !== null);
  if (high.length === 0 || view.orders.spos.length > 0) return [];
  return [{
    id: 'high_risk_no_spo',
    kind: 'high_risk_no_spo',
    severity: 'warning',
    title: 'High risk with no SPO considered',
    explanation: 'The case is graded high risk but no stalking protection order has been applied for.',
    eventIds: high,
  }];
}
