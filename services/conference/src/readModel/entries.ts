import type { Behaviour, CaseEvent, OffenceClass } from '@convene/shared/contracts';
import { summarise } from './summary.js';
import type { EntryKind, Facts, TimelineEntry } from './timeline.js';

interface Shape {
  kind: EntryKind;
  facts: Facts;
  behaviours?: Behaviour[];
  offenceClass?: OffenceClass;
}

const none: Facts = { on: 'none' };

/** What an event contributes to a case timeline, or null when it is not part of a case view. */
function shapeOf(event: CaseEvent): Shape | null {
  switch (event.type) {
    case 'police.incident.recorded.v1': {
      const d = event.data;
      return { kind: 'incident', behaviours: d.behaviours, offenceClass: d.offenceClass, facts: { on: 'incident', incidentRef: d.incidentRef, text: d.summary } };
    }
    case 'police.risk.assessed.v1': {
      const d = event.data;
      return {
        kind: 'risk',
        facts: {
          on: 'police_risk', tool: d.tool, declined: d.outcome === 'declined', grade: d.grade, yesCount: d.yesCount,
          raisedByProfessionalJudgement: d.raisedByProfessionalJudgement, victimOwnView: d.victimOwnView,
        },
      };
    }
    case 'police.classification.changed.v1':
      return { kind: 'classification', offenceClass: event.data.to, facts: none };
    case 'police.arrest.made.v1':
      return { kind: 'arrest', offenceClass: event.data.offenceClass, facts: none };
    case 'police.bail.set.v1':
    case 'cps.bail.conditions.set.v1': {
      const d = event.data;
      return { kind: 'bail', facts: { on: 'bail', bailRef: d.bailRef, conditions: d.conditions, until: d.until ?? null } };
    }
    case 'police.bail.breached.v1':
    case 'cps.bail.breached.v1':
      return { kind: 'breach', behaviours: event.data.behaviours, facts: { on: 'breach', orderRef: event.data.bailRef, orderKind: 'bail' } };
    case 'cps.restraining_order.breached.v1':
      return { kind: 'breach', behaviours: event.data.behaviours, facts: { on: 'breach', orderRef: event.data.orderRef, orderKind: 'restraining_order' } };
    case 'police.spo.considered.v1': {
      // The reason is written to be shared: it answers the partnership's question.
      const d = event.data;
      return { kind: 'order', facts: { on: 'spo_considered', decision: d.decision, orderRef: d.orderRef ?? null, reason: d.reason } };
    }
    case 'police.spo.applied.v1':
      return { kind: 'order', facts: { on: 'spo_applied', orderRef: event.data.orderRef, spoKind: event.data.kind } };
    case 'police.spo.granted.v1': {
      const d = event.data;
      return { kind: 'order', facts: { on: 'spo_granted', orderRef: d.orderRef, spoKind: d.kind, conditions: d.conditions, expiresOn: d.expiresOn } };
    }
    case 'police.spo.breached.v1':
      return { kind: 'breach', behaviours: event.data.behaviours, facts: { on: 'breach', orderRef: event.data.orderRef } };
    case 'cps.restraining_order.made.v1': {
      const d = event.data;
      return {
        kind: 'order',
        facts: { on: 'restraining_order', orderRef: d.orderRef, onConviction: d.onConviction, conditions: d.conditions, expiresOn: d.expiresOn ?? null },
      };
    }
    case 'police.referral.made.v1':
    case 'health.referral.made.v1':
    case 'advocacy.referral.made.v1':
      // The referral's people are not copied: the listing carries the people the meeting may see.
      return { kind: 'listing', facts: none };
    case 'cps.charging.decided.v1':
      return { kind: 'charging', ...offence(event.data.offenceClass), facts: none };
    case 'cps.hearing.scheduled.v1':
      return { kind: 'hearing', facts: none };
    case 'cps.case.outcome.v1':
      return { kind: 'outcome', ...offence(event.data.offenceClass), facts: none };
    case 'health.concern.flagged.v1': {
      const d = event.data;
      return {
        kind: 'concern',
        facts: { on: 'concern', concernRef: d.concernRef, subjectRole: d.subjectRole, category: d.category, severity: d.severity, contact: d.contact },
      };
    }
    case 'health.concern.updated.v1': {
      const d = event.data;
      return {
        kind: 'concern',
        facts: { on: 'concern', concernRef: d.concernRef, ...(d.category ? { category: d.category } : {}), ...(d.severity ? { severity: d.severity } : {}) },
      };
    }
    case 'health.concern.resolved.v1':
      return { kind: 'concern', facts: { on: 'concern', concernRef: event.data.concernRef, resolution: event.data.resolution } };
    case 'health.disclosure.requested.v1':
    case 'conference.disclosure.requested.v1':
      return { kind: 'disclosure', facts: { on: 'disclosure', requestRef: event.data.requestRef, concernRef: event.data.concernRef, decision: 'requested' } };
    case 'health.disclosure.decided.v1': {
      const d = event.data;
      // Detail is read only by a named audience: a decision shared with everyone carries none.
      const detail = d.decision === 'disclosed' && event.sharing === 'restricted' ? d.detail : undefined;
      return {
        kind: 'disclosure',
        facts: {
          on: 'disclosure', requestRef: d.requestRef, concernRef: d.concernRef, decision: d.decision,
          ...(detail !== undefined ? { detail } : {}), ...(d.legalGateway ? { legalGateway: d.legalGateway } : {}),
        },
      };
    }
    case 'advocacy.victim.engaged.v1': {
      const d = event.data;
      return { kind: 'engagement', facts: { on: 'consent', level: d.consent, limitedTo: d.limitedTo ?? [], givenOn: d.consentGivenOn, ...(d.advocate ? { advocate: d.advocate } : {}) } };
    }
    case 'advocacy.consent.revoked.v1':
      return { kind: 'engagement', facts: { on: 'consent_revoked', revokedOn: event.data.revokedOn } };
    case 'advocacy.victim.view.recorded.v1':
      return { kind: 'victim_view', facts: { on: 'victim_view', grade: event.data.ownViewOfRisk, wishes: event.data.wishes, ...(event.data.fears ? { fears: event.data.fears } : {}) } };
    case 'advocacy.safety_plan.updated.v1':
      return { kind: 'safety_plan', facts: { on: 'safety_plan', measures: event.data.measures, reviewOn: event.data.reviewOn ?? null } };
    case 'advocacy.household.recorded.v1': {
      const d = event.data;
      return {
        kind: 'household',
        facts: { on: 'household', childrenAges: d.childrenAges, otherAdults: d.otherAdults, safeguardingReferralMade: d.safeguardingReferralMade, safeguardingReferralOn: d.safeguardingReferralOn ?? null },
      };
    }
    case 'advocacy.safe_contact.recorded.v1': {
      const d = event.data;
      return { kind: 'safe_contact', facts: { on: 'safe_contact', safeTimes: d.safeTimes, safeNumber: d.safeNumber ?? null, noPostHome: d.noPostHome, instructions: d.instructions ?? null } };
    }
    case 'advocacy.diary.entry.v1':
      // The victim's own account stays with advocacy's summary line; only the behaviours are kept.
      return { kind: 'diary', behaviours: event.data.behaviours, facts: none };
    case 'conference.case.listed.v1': {
      const d = event.data;
      return { kind: 'listing', facts: { on: 'listing', referral: d.referral, people: d.people, repeatOf: d.repeatOf ?? null, area: d.area ?? null } };
    }
    case 'conference.area.requested.v1':
      return { kind: 'other', facts: { on: 'area_request', toArea: event.data.toArea, kind: event.data.kind } };
    case 'conference.case.transferred.v1':
      return { kind: 'listing', facts: { on: 'transfer', fromArea: event.data.fromArea, toArea: event.data.toArea, reason: event.data.reason } };
    case 'conference.case.closed.v1':
      return { kind: 'listing', facts: { on: 'closure', retentionDays: event.data.retentionDays ?? null } };
    case 'conference.research.reminded.v1':
      return { kind: 'other', facts: { on: 'research_reminded', agencies: event.data.agencies } };
    case 'conference.case.reviewed.v1':
      return { kind: 'review', facts: { on: 'review', grade: event.data.riskDecision, nextReviewOn: event.data.nextReviewOn, meetingId: event.data.meetingId, rationale: event.data.rationale } };
    case 'conference.action.assigned.v1': {
      const d = event.data;
      return { kind: 'action', facts: { on: 'action', actionId: d.actionId, assigned: { owner: d.agency, description: d.description, dueOn: d.dueOn, ...(d.meetingId ? { meetingId: d.meetingId } : {}) } } };
    }
    case 'conference.action.updated.v1':
      return { kind: 'action', facts: { on: 'action', actionId: event.data.actionId, status: event.data.status, ...(event.data.note ? { note: event.data.note } : {}) } };
    case 'police.action.declined.v1':
    case 'cps.action.declined.v1':
    case 'health.action.declined.v1':
    case 'advocacy.action.declined.v1':
      return { kind: 'action', facts: { on: 'action', actionId: event.data.actionId, status: 'declined', note: event.data.reason } };
    case 'police.action.accepted.v1':
    case 'cps.action.accepted.v1':
    case 'health.action.accepted.v1':
    case 'advocacy.action.accepted.v1':
      return { kind: 'action', facts: { on: 'action', actionId: event.data.actionId, status: 'accepted' } };
    case 'police.action.completed.v1':
    case 'cps.action.completed.v1':
    case 'health.action.completed.v1':
    case 'advocacy.action.completed.v1':
      return { kind: 'action', facts: { on: 'action', actionId: event.data.actionId, status: 'completed', outcome: event.data.outcome } };
    case 'police.research.summarised.v1':
    case 'cps.research.summarised.v1':
    case 'health.research.summarised.v1':
    case 'advocacy.research.summarised.v1':
      return { kind: 'other', facts: { on: 'research_summary', summary: event.data.summary } };
    case 'police.research.returned.v1':
    case 'cps.research.returned.v1':
    case 'health.research.returned.v1':
    case 'advocacy.research.returned.v1':
      // The return itself is an entry so the meeting sees what each agency held back, and why.
      return { kind: 'other', facts: { on: 'research', recordCount: event.data.records.length, withheld: event.data.withheld } };
    // Meetings, agendas, history checks (the requesting lawyer's alone) and statistics are not case history.
    case 'conference.meeting.scheduled.v1':
    case 'conference.members.set.v1':
    case 'conference.agenda.set.v1':
    case 'conference.meeting.started.v1':
    case 'conference.meeting.ended.v1':
    case 'conference.attendance.recorded.v1':
    case 'conference.agenda.moved.v1':
    case 'conference.history_check.opened.v1':
    case 'cps.history.requested.v1':
    case 'police.statistics.published.v1':
    case 'cps.statistics.published.v1':
    case 'health.statistics.published.v1':
    case 'advocacy.statistics.published.v1':
    case 'conference.statistics.published.v1':
      return null;
    default:
      return unreachable(event);
  }
}

function offence(offenceClass: OffenceClass | undefined): { offenceClass?: OffenceClass } {
  return offenceClass ? { offenceClass } : {};
}

function unreachable(_event: never): null {
  return null;
}

export function toEntry(event: CaseEvent): TimelineEntry | null {
  if (event.sharing === 'agency') return null;
  const shape = shapeOf(event);
  if (!shape) return null;
  return {
    eventId: event.id,
    type: event.type,
    agency: event.agency,
    sharing: event.sharing,
    ...(event.sharing === 'restricted' && event.audience ? { audience: event.audience } : {}),
    occurredAt: event.occurredat,
    recordedAt: event.time,
    summary: summarise(event),
    kind: shape.kind,
    ...(shape.behaviours ? { behaviours: shape.behaviours } : {}),
    ...(shape.offenceClass ? { offenceClass: shape.offenceClass } : {}),
    ...(event.subjects.length ? { subjects: event.subjects } : {}),
    facts: shape.facts,
  };
}
